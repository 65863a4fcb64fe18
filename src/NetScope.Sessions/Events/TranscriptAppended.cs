namespace NetScope.Sessions.Events;

/// <summary>
/// Entries were added to a session's (or listener's) transcript: read them from a snapshot.
/// Merged while unread, so a flood is one event per consumer.
/// </summary>
/// <param name="EntryId">The session or listener.</param>
/// <param name="FirstSequence">The first new entry's sequence number in the transcript.</param>
/// <param name="LastSequence">The last new entry's sequence number.</param>
/// <param name="BytesSent">Bytes of sent data in the new entries.</param>
/// <param name="BytesReceived">Bytes of received data in the new entries.</param>
/// <param name="Notes">Notes among the new entries.</param>
/// <param name="DroppedBytes">Bytes the transcript has dropped from its front over its life (its cap).</param>
public sealed record TranscriptAppended(
    long EntryId,
    long FirstSequence,
    long LastSequence,
    long BytesSent,
    long BytesReceived,
    long Notes,
    long DroppedBytes) : WorkspaceEvent, ICoalescingEvent
{
    (Type Type, long Entry, long Item) ICoalescingEvent.CoalescingKey => (typeof(TranscriptAppended), EntryId, 0);

    WorkspaceEvent ICoalescingEvent.Merge(WorkspaceEvent later)
    {
        var next = (TranscriptAppended)later;
        return next with
        {
            FirstSequence = FirstSequence,
            BytesSent = BytesSent + next.BytesSent,
            BytesReceived = BytesReceived + next.BytesReceived,
            Notes = Notes + next.Notes,
            Sequence = Sequence,
            // Its place in the stream is the first event's: seq and t stay in step along the stream.
            Time = Time,
        };
    }
}
