using System.Text;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Transcripts;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

/// <summary>Builds transcript fetches by hand, as the workspace would copy them.</summary>
internal sealed class Transcripts
{
    private readonly List<TranscriptEntry> _entries = new();
    private long _sent;
    private long _received;
    private long _dropped;

    public static ModelClock Noon { get; } = new(0, new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

    public long Next { get; private set; }

    public Transcripts Sent(string text, double time) => Data(Direction.Sent, Encoding.Latin1.GetBytes(text), time);

    public Transcripts Received(string text, double time) => Data(Direction.Received, Encoding.Latin1.GetBytes(text), time);

    public Transcripts Received(byte[] data, double time) => Data(Direction.Received, data, time);

    public Transcripts Note(string text, double time)
    {
        _entries.Add(new TranscriptEntry(Next++, Direction.Note, time, 0, [], text));
        return this;
    }

    /// <summary>Entries that the ring dropped before they were fetched: counted, never copied.</summary>
    public Transcripts Lost(int entries, long receivedBytes)
    {
        Next += entries;
        _received += receivedBytes;
        _dropped += receivedBytes;
        return this;
    }

    /// <summary>What a fetch from <paramref name="from"/> copies (everything held from there).</summary>
    public TranscriptSnapshot Fetch(long from = 0) => new()
    {
        TotalSent = _sent,
        TotalReceived = _received,
        DroppedBytes = _dropped,
        DroppedEntries = 0,
        FirstSequence = _entries.Count == 0 ? Next : _entries[0].Sequence,
        NextSequence = Next,
        Entries = _entries.Where(e => e.Sequence >= from).ToArray(),
    };

    private Transcripts Data(Direction direction, byte[] data, double time)
    {
        var offset = direction == Direction.Sent ? _sent : _received;
        _entries.Add(new TranscriptEntry(Next++, direction, time, offset, data, null));
        if (direction == Direction.Sent)
        {
            _sent += data.Length;
        }
        else
        {
            _received += data.Length;
        }

        return this;
    }
}
