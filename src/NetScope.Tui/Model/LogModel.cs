namespace NetScope.Tui.Model;

/// <summary>
/// The Log tab's lines: what happened in the workspace, failed commands and the engine's own log,
/// bounded (the oldest lines go first). Any thread adds; the UI thread reads a copy.
/// </summary>
internal sealed class LogModel
{
    private readonly object _gate = new();
    private readonly Queue<LogLine> _lines = new();
    private readonly TimeProvider _time;
    private LogLine[]? _copy;
    private long _version;

    /// <summary>Creates an empty log of at most <paramref name="capacity"/> lines, stamped by <paramref name="time"/>.</summary>
    public LogModel(TimeProvider time, int capacity = 2000)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most lines kept.</summary>
    public int Capacity { get; }

    /// <summary>Grows with every line added.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The newest line, if any.</summary>
    public LogLine? Latest
    {
        get
        {
            lock (_gate)
            {
                return _lines.Count == 0 ? null : _lines.Last();
            }
        }
    }

    /// <summary>Adds a line stamped now; multi-line text is joined into one line.</summary>
    public void Add(LogSeverity severity, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new LogLine(_time.GetUtcNow(), severity, string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        lock (_gate)
        {
            if (_lines.Count == Capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
            _copy = null;
            _version++;
        }
    }

    /// <summary>The lines, oldest first (the same array until a line is added).</summary>
    public IReadOnlyList<LogLine> Lines()
    {
        lock (_gate)
        {
            return _copy ??= _lines.ToArray();
        }
    }
}
