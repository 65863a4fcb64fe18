using NetScope.Core.Time;

namespace NetScope.Sessions.Transcripts;

/// <summary>
/// What a session sent and received, with direction, time and byte offsets, kept in a bounded
/// ring: when more than <see cref="CapacityBytes"/> of data is held, the oldest entries are
/// dropped and counted, so a flood can never exhaust memory. Belongs to the reactor thread.
/// </summary>
public sealed class Transcript
{
    /// <summary>The default cap on data held per session: 1 MiB.</summary>
    public const int DefaultCapacityBytes = 1 << 20;

    private readonly IReactorTime _clock;
    // Entries hold no references (notes live beside them), so the collector never scans the
    // entries of thousands of sessions; their sequence numbers follow from their position.
    private readonly Queue<Stored> _entries = new();
    private readonly Queue<(long Sequence, string Text)> _notes = new();
    private readonly ByteRing _bytes;
    private long _nextSequence;

    /// <summary>
    /// Creates an empty transcript holding at most <paramref name="capacityBytes"/> of data; with 0
    /// it only counts (totals, sequence numbers, the <see cref="Appended"/> events) and keeps nothing.
    /// </summary>
    public Transcript(IReactorTime clock, int capacityBytes = DefaultCapacityBytes)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        CapacityBytes = capacityBytes;
        MaxEntries = capacityBytes == 0 ? 0 : Math.Max(1024, capacityBytes / 16);
        _bytes = new ByteRing(capacityBytes);
    }

    /// <summary>The most data held at once.</summary>
    public int CapacityBytes { get; }

    /// <summary>Whether entries are kept at all (<see cref="CapacityBytes"/> above 0), or only counted.</summary>
    public bool KeepsEntries => CapacityBytes > 0;

    /// <summary>The most entries held at once (tiny chunks must not cost more than their bytes).</summary>
    public int MaxEntries { get; }

    /// <summary>Bytes ever sent.</summary>
    public long TotalSent { get; private set; }

    /// <summary>Bytes ever received.</summary>
    public long TotalReceived { get; private set; }

    /// <summary>Bytes of data dropped from the front to stay within the cap.</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>Entries dropped from the front.</summary>
    public long DroppedEntries { get; private set; }

    /// <summary>The sequence number of the oldest entry held (equal to <see cref="NextSequence"/> when empty).</summary>
    public long FirstSequence => _nextSequence - _entries.Count;

    /// <summary>The sequence number the next entry will get.</summary>
    public long NextSequence => _nextSequence;

    /// <summary>Entries held.</summary>
    public int Count => _entries.Count;

    /// <summary>Bytes of data held.</summary>
    public long HeldBytes => _bytes.Length;

    /// <summary>Told of every entry added (its sequence number, direction and data length), for the workspace's events.</summary>
    internal Action<long, Direction, int>? Appended { get; set; }

    /// <summary>Records <paramref name="data"/> going in <paramref name="direction"/>.</summary>
    public void Append(Direction direction, ReadOnlySpan<byte> data)
    {
        if (direction == Direction.Note)
        {
            throw new ArgumentException("Use AddNote for notes.", nameof(direction));
        }

        if (data.IsEmpty)
        {
            return;
        }

        long offset;
        if (direction == Direction.Sent)
        {
            offset = TotalSent;
            TotalSent += data.Length;
        }
        else
        {
            offset = TotalReceived;
            TotalReceived += data.Length;
        }

        if (!KeepsEntries)
        {
            // Counting only (a command-line run, which never reads entries back): not even a time.
            DroppedBytes += data.Length;
            DroppedEntries++;
            Appended?.Invoke(_nextSequence++, direction, data.Length);
            return;
        }

        if (data.Length > CapacityBytes)
        {
            // Only the tail of a chunk larger than the whole ring can be kept.
            var skipped = data.Length - CapacityBytes;
            DroppedBytes += skipped;
            offset += skipped;
            data = data[skipped..];
        }

        while (_bytes.Length + data.Length > CapacityBytes || _entries.Count >= MaxEntries)
        {
            DropOldest();
        }

        _bytes.Write(data);
        var sequence = _nextSequence++;
        _entries.Enqueue(new Stored(_clock.Seconds(), offset, data.Length, direction));
        Appended?.Invoke(sequence, direction, data.Length);
    }

    /// <summary>Records a note in line with the data.</summary>
    public void AddNote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!KeepsEntries)
        {
            DroppedEntries++;
            Appended?.Invoke(_nextSequence++, Direction.Note, 0);
            return;
        }

        while (_entries.Count >= MaxEntries)
        {
            DropOldest();
        }

        var sequence = _nextSequence++;
        _entries.Enqueue(new Stored(_clock.Seconds(), 0, 0, Direction.Note));
        _notes.Enqueue((sequence, text));
        Appended?.Invoke(sequence, Direction.Note, 0);
    }

    /// <summary>Copies out up to <paramref name="max"/> entries starting at sequence <paramref name="fromSequence"/> (or the oldest held).</summary>
    public IReadOnlyList<TranscriptEntry> Read(long fromSequence, int max = int.MaxValue)
    {
        var result = new List<TranscriptEntry>();
        var position = 0L;
        var sequence = FirstSequence;
        using var notes = _notes.GetEnumerator();
        foreach (var entry in _entries)
        {
            if (result.Count >= max)
            {
                break;
            }

            string? note = null;
            if (entry.Direction == Direction.Note)
            {
                // Notes are queued in the same order as their entries.
                notes.MoveNext();
                note = notes.Current.Text;
            }

            if (sequence >= fromSequence)
            {
                var data = new byte[entry.Length];
                _bytes.CopyOut(position, data);
                result.Add(new TranscriptEntry(sequence, entry.Direction, entry.Time, entry.Offset, data, note));
            }

            position += entry.Length;
            sequence++;
        }

        return result;
    }

    private void DropOldest()
    {
        var oldest = _entries.Dequeue();
        if (oldest.Direction == Direction.Note)
        {
            _notes.Dequeue();
        }

        _bytes.Discard(oldest.Length);
        DroppedBytes += oldest.Length;
        DroppedEntries++;
    }

    /// <summary>One entry as held: 24 bytes and no reference.</summary>
    private readonly record struct Stored(double Time, long Offset, int Length, Direction Direction);
}
