using System.Globalization;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Transcripts;

namespace NetScope.Tui.Model;

/// <summary>
/// The UI side of one session's transcript: the entries fetched so far, bounded by the same caps
/// as the workspace's ring (so a flood costs at most the per-session cap here too), with a line
/// index for text and hex views so that drawing reads only the visible lines. Where the ring
/// dropped data before it could be fetched, a marker entry says how much.
/// </summary>
/// <remarks>
/// The feed's thread appends; the UI thread reads the lines it draws. Both take a short lock;
/// lines handed out keep referring to byte arrays that are never changed.
/// </remarks>
internal sealed partial class TranscriptBuffer
{
    /// <summary>A text line is cut into pieces of at most this many bytes (a flood without line ends stays readable).</summary>
    public const int MaxSegmentBytes = 256;

    private readonly object _gate = new();
    private readonly List<Item> _items = new();
    private int _head;
    private long _heldBytes;
    private long _nextSequence;
    private long _accountedBytes;
    private bool _started;
    private long _droppedBefore;
    private long _nextTextLine;
    private long _nextHexLine;

    /// <summary>Creates an empty buffer for entry <paramref name="entryId"/> holding at most <paramref name="capacityBytes"/> of data and <paramref name="maxItems"/> entries.</summary>
    public TranscriptBuffer(long entryId, int capacityBytes = Transcript.DefaultCapacityBytes, int maxItems = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        EntryId = entryId;
        CapacityBytes = capacityBytes;
        MaxItems = maxItems > 0 ? maxItems : Math.Max(1024, capacityBytes / 16);
    }

    /// <summary>The session or listener whose transcript this is.</summary>
    public long EntryId { get; }

    /// <summary>The most data held.</summary>
    public int CapacityBytes { get; }

    /// <summary>The most entries held.</summary>
    public int MaxItems { get; }

    /// <summary>The transcript sequence the next fetch starts at (what the buffer has seen so far).</summary>
    public long NextSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence;
            }
        }
    }

    /// <summary><see langword="true"/> once the first fetch was appended.</summary>
    public bool Started
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>Grows with every change: the view redraws (and follows the tail) when it moved.</summary>
    public long Version { get; private set; }

    /// <summary>Bytes sent over the session's life (as of the last fetch).</summary>
    public long TotalSent { get; private set; }

    /// <summary>Bytes received over the session's life (as of the last fetch).</summary>
    public long TotalReceived { get; private set; }

    /// <summary>Bytes of data held.</summary>
    public long HeldBytes
    {
        get
        {
            lock (_gate)
            {
                return _heldBytes;
            }
        }
    }

    /// <summary>Bytes of data before the first held entry that are no longer held (dropped by the ring, or trimmed here).</summary>
    public long DroppedBefore
    {
        get
        {
            lock (_gate)
            {
                return _droppedBefore;
            }
        }
    }

    /// <summary>
    /// Adds what a fetch brought: the entries from <see cref="NextSequence"/> on, and the counters
    /// to find gaps with. <paramref name="skipped"/> says the fetch took only the newest entries on
    /// purpose (a flood), so a gap is marked as skipped rather than as dropped by the ring.
    /// </summary>
    public void Append(TranscriptSnapshot snapshot, bool skipped = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var fresh = snapshot.Entries.Where(e => !_started || e.Sequence >= _nextSequence).ToArray();
            var freshBytes = fresh.Sum(e => (long)e.Data.Length);
            var total = snapshot.TotalSent + snapshot.TotalReceived;
            if (!_started)
            {
                _started = true;
                _droppedBefore = Math.Max(0, total - freshBytes);
            }
            else
            {
                var missingBytes = total - _accountedBytes - freshBytes;
                var missingEntries = fresh.Length > 0 ? fresh[0].Sequence - _nextSequence : snapshot.FirstSequence - _nextSequence;
                if (missingBytes > 0 || missingEntries > 0)
                {
                    Add(Item.Gap(Math.Max(0, missingBytes), Math.Max(0, missingEntries), fresh.Length > 0 ? fresh[0].Time : 0, skipped));
                }
            }

            foreach (var entry in fresh)
            {
                Add(entry.Direction == Direction.Note ? Item.OfNote(entry) : Item.OfData(entry));
            }

            _accountedBytes = total;
            _nextSequence = Math.Max(_nextSequence, snapshot.NextSequence);
            TotalSent = snapshot.TotalSent;
            TotalReceived = snapshot.TotalReceived;
            Trim();
            Version++;
        }
    }

    /// <summary>Lines in <paramref name="mode"/> (the dropped-data header counts as one).</summary>
    public long LineCount(TranscriptMode mode)
    {
        lock (_gate)
        {
            return HeaderLines + HeldLines(mode);
        }
    }

    /// <summary>
    /// The absolute number of view line 0 in <paramref name="mode"/>: line numbers counted from the
    /// session's first entry never change, so a view paused at absolute line <c>n</c> shows
    /// <c>n - Origin</c> however much the ring dropped since (the header line counts as one).
    /// </summary>
    public long Origin(TranscriptMode mode)
    {
        lock (_gate)
        {
            return FirstLine(mode) - HeaderLines;
        }
    }

    /// <summary>Copies lines <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 of <paramref name="mode"/> into <paramref name="into"/> (fewer at the end).</summary>
    public void GetLines(TranscriptMode mode, long start, int count, List<TranscriptLine> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        lock (_gate)
        {
            var end = Math.Min(start + count, HeaderLines + HeldLines(mode));
            var line = Math.Max(0, start);
            if (line == 0 && HeaderLines == 1 && line < end)
            {
                into.Add(DroppedHeader());
                line++;
            }

            if (line >= end)
            {
                return;
            }

            var absolute = FirstLine(mode) + (line - HeaderLines);
            var index = Locate(mode, absolute);
            while (line < end && index < _items.Count)
            {
                var item = _items[index];
                var lines = item.Lines(mode);
                for (var k = (int)(absolute - item.Start(mode)); k < lines && line < end; k++)
                {
                    into.Add(item.Line(mode, k));
                    line++;
                    absolute++;
                }

                index++;
            }
        }
    }

    /// <summary>
    /// The text of a dropped-data marker: the header before the first held entry when
    /// <paramref name="keptBytes"/> (the cap) is given, a marker in the stream otherwise, saying
    /// whether the display skipped the data (<paramref name="skipped"/>) or the ring dropped it.
    /// </summary>
    public static string DroppedText(long bytes, long entries, long? keptBytes, bool skipped = false) =>
        keptBytes is { } kept
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} earlier bytes dropped (the transcript keeps the newest {Units.Bytes(kept)})")
            : skipped
                ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes skipped here: more arrived than the display shows (it takes the newest)")
            : entries > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes ({entries:N0} entries) dropped here: the transcript ring overflowed before they were shown")
                : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes dropped here: the transcript ring overflowed before they were shown");

    private int HeaderLines => _droppedBefore > 0 ? 1 : 0;

    private long FirstLine(TranscriptMode mode) => _head < _items.Count ? _items[_head].Start(mode) : mode == TranscriptMode.Text ? _nextTextLine : _nextHexLine;

    private long HeldLines(TranscriptMode mode) => (mode == TranscriptMode.Text ? _nextTextLine : _nextHexLine) - FirstLine(mode);

    private TranscriptLine DroppedHeader() => new(TranscriptLineKind.Dropped, Direction.Note, 0, true, 0, ReadOnlyMemory<byte>.Empty, DroppedText(_droppedBefore, 0, CapacityBytes));

    private void Add(Item item)
    {
        item.TextStart = _nextTextLine;
        item.HexStart = _nextHexLine;
        _nextTextLine += item.TextLines;
        _nextHexLine += item.HexLines;
        _items.Add(item);
        _heldBytes += item.Data.Length;
    }

    private void Trim()
    {
        while (_head < _items.Count && (_heldBytes > CapacityBytes || _items.Count - _head > MaxItems))
        {
            var oldest = _items[_head];
            _items[_head] = null!;
            _head++;
            _heldBytes -= oldest.Data.Length;
            _droppedBefore += oldest.Data.Length + oldest.GapBytes;
        }

        if (_head > 1024 && _head * 2 > _items.Count)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <summary>The index of the item holding absolute line <paramref name="line"/> of <paramref name="mode"/>.</summary>
    private int Locate(TranscriptMode mode, long line)
    {
        int low = _head, high = _items.Count - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (_items[middle].Start(mode) <= line)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Where each text segment of <paramref name="data"/> starts: after every line feed, and every <see cref="MaxSegmentBytes"/> within a long line.</summary>
    internal static int[] SegmentStarts(ReadOnlySpan<byte> data)
    {
        var starts = new List<int> { 0 };
        var start = 0;
        while (start < data.Length)
        {
            var newline = data[start..].IndexOf((byte)'\n');
            var end = newline < 0 ? data.Length : start + newline + 1;
            while (end - start > MaxSegmentBytes)
            {
                start += MaxSegmentBytes;
                starts.Add(start);
            }

            start = end;
            if (start < data.Length)
            {
                starts.Add(start);
            }
        }

        return starts.ToArray();
    }
}
