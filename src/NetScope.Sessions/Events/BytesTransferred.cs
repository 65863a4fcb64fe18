using NetScope.Core.Transports;

namespace NetScope.Sessions.Events;

/// <summary>
/// Bytes moved through a transport since the previous event of this kind for it (sampled, and
/// merged while unread: a flood costs one event per consumer, not one per chunk).
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="TransportId">The transport.</param>
/// <param name="BytesIn">Bytes received since the previous event for this transport.</param>
/// <param name="BytesOut">Bytes sent since the previous event.</param>
/// <param name="ChunksIn">Reads that delivered data since the previous event.</param>
/// <param name="ChunksOut">Writes handed down since the previous event.</param>
/// <param name="TotalIn">Bytes received over the transport's life.</param>
/// <param name="TotalOut">Bytes sent over the transport's life.</param>
/// <param name="WriteBuffer">Bytes written and not yet sent, now.</param>
/// <param name="HighWaterMark">The write-buffer size above which a producer is paused.</param>
/// <param name="Producer">The registered producer's state.</param>
/// <param name="ReadingPaused">Whether the transport has stopped reading (paused as a producer).</param>
public sealed record BytesTransferred(
    long SessionId,
    long TransportId,
    long BytesIn,
    long BytesOut,
    long ChunksIn,
    long ChunksOut,
    long TotalIn,
    long TotalOut,
    long WriteBuffer,
    long HighWaterMark,
    ProducerState Producer,
    bool ReadingPaused) : WorkspaceEvent, ICoalescingEvent
{
    (Type Type, long Entry, long Item) ICoalescingEvent.CoalescingKey => (typeof(BytesTransferred), SessionId, TransportId);

    WorkspaceEvent ICoalescingEvent.Merge(WorkspaceEvent later)
    {
        var next = (BytesTransferred)later;
        return next with
        {
            BytesIn = BytesIn + next.BytesIn,
            BytesOut = BytesOut + next.BytesOut,
            ChunksIn = ChunksIn + next.ChunksIn,
            ChunksOut = ChunksOut + next.ChunksOut,
            Sequence = Sequence,
            // Its place in the stream is the first event's: seq and t stay in step along the stream.
            Time = Time,
        };
    }
}
