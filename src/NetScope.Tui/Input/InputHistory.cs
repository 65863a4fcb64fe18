namespace NetScope.Tui.Input;

/// <summary>
/// The lines sent from the input line, for Up and Down: like a shell's history, bounded, without
/// repeating the same line twice in a row. Browsing starts below the newest line.
/// </summary>
internal sealed class InputHistory
{
    private readonly List<string> _lines = new();
    private int _position;
    private string _draft = string.Empty;

    public InputHistory(int capacity = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most lines kept.</summary>
    public int Capacity { get; }

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Remembers a line that was entered and ends browsing.</summary>
    public void Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length > 0 && (_lines.Count == 0 || _lines[^1] != line))
        {
            _lines.Add(line);
            if (_lines.Count > Capacity)
            {
                _lines.RemoveAt(0);
            }
        }

        _position = _lines.Count;
        _draft = string.Empty;
    }

    /// <summary>The line before the one shown (Up); <paramref name="current"/> is kept as the draft when browsing starts.</summary>
    public string Previous(string current)
    {
        if (_position == _lines.Count)
        {
            _draft = current;
        }

        if (_position > 0)
        {
            _position--;
        }

        return _lines.Count == 0 ? current : _lines[_position];
    }

    /// <summary>The line after the one shown (Down); past the newest, the draft typed before browsing.</summary>
    public string Next()
    {
        if (_position < _lines.Count)
        {
            _position++;
        }

        return _position == _lines.Count ? _draft : _lines[_position];
    }
}
