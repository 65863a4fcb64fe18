using System.Buffers;

namespace NetScope.Web.Http.Parsing;

/// <summary>
/// Finds the end of a head (start line and field lines) or a trailer section in bytes that arrive in
/// pieces. When a section arrives whole, it is handed out as a slice of the input without copying; only an
/// incomplete section is copied into a pooled buffer, which goes back to the pool once the section is done.
/// </summary>
internal sealed class HeadAccumulator
{
    // Terminator scanner states: the bytes seen so far end mid-line, just after an LF, or after LF CR.
    private const int MidLine = 0;
    private const int AfterLineFeed = 1;
    private const int AfterLineFeedReturn = 2;

    private byte[]? _buffer;
    private int _length;
    private int _scanState = AfterLineFeed;
    private int _startLineLength = -1;

    /// <summary>Whether bytes of an incomplete section are held.</summary>
    public bool HasData => _length > 0;

    /// <summary>
    /// Takes bytes until the section ends (at the first empty line; a section that starts with an empty line
    /// is just that line). Limits are checked before anything is copied.
    /// </summary>
    /// <param name="input">The bytes that follow what was taken before.</param>
    /// <param name="maxStartLine">The longest first line, counting its LF; <see cref="int.MaxValue"/> for trailers.</param>
    /// <param name="maxSection">The longest rest of the section (or the whole section when there is no start line).</param>
    /// <param name="hasStartLine">Whether the first line is a start line counted apart from the field lines.</param>
    /// <param name="consumed">How many bytes of <paramref name="input"/> were taken.</param>
    /// <param name="section">When complete, the whole section; valid until <see cref="Reset"/>.</param>
    /// <returns>Whether the section is complete, incomplete, or over a limit.</returns>
    public HeadStatus Accumulate(
        ReadOnlySpan<byte> input,
        int maxStartLine,
        int maxSection,
        bool hasStartLine,
        out int consumed,
        out ReadOnlySpan<byte> section)
    {
        var end = FindTerminator(input, ref _scanState);
        var take = end >= 0 ? end + 1 : input.Length;
        if (_startLineLength < 0)
        {
            var lineFeed = input[..take].IndexOf((byte)'\n');
            if (lineFeed >= 0)
            {
                _startLineLength = _length + lineFeed + 1;
            }
        }

        var status = CheckLimits(_length + take, maxStartLine, maxSection, hasStartLine);
        if (status != HeadStatus.NeedMoreData)
        {
            consumed = 0;
            section = default;
            return status;
        }

        consumed = take;
        if (end >= 0 && _length == 0)
        {
            section = input[..take];
            return HeadStatus.Complete;
        }

        Append(input[..take]);
        if (end >= 0)
        {
            section = _buffer.AsSpan(0, _length);
            return HeadStatus.Complete;
        }

        section = default;
        return HeadStatus.NeedMoreData;
    }

    /// <summary>Forgets the current section and returns the buffer to the pool.</summary>
    public void Reset()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        _length = 0;
        _scanState = AfterLineFeed;
        _startLineLength = -1;
    }

    /// <summary>
    /// Finds the LF that ends the first empty line ("\n\n" or "\n\r\n"), carrying the scanner state across
    /// calls so a terminator split between two inputs is still found.
    /// </summary>
    /// <returns>The index of that LF in <paramref name="data"/>, or -1.</returns>
    internal static int FindTerminator(ReadOnlySpan<byte> data, ref int state)
    {
        var start = 0;
        if (state == AfterLineFeed)
        {
            if (data.IsEmpty)
            {
                return -1;
            }

            if (data[0] == '\n')
            {
                return 0;
            }

            if (data[0] == '\r')
            {
                if (data.Length == 1)
                {
                    state = AfterLineFeedReturn;
                    return -1;
                }

                if (data[1] == '\n')
                {
                    return 1;
                }

                start = 1;
            }
        }
        else if (state == AfterLineFeedReturn)
        {
            if (data.IsEmpty)
            {
                return -1;
            }

            if (data[0] == '\n')
            {
                return 0;
            }
        }

        state = MidLine;
        while (true)
        {
            var relative = data[start..].IndexOf((byte)'\n');
            if (relative < 0)
            {
                return -1;
            }

            var lineFeed = start + relative;
            if (lineFeed + 1 == data.Length)
            {
                state = AfterLineFeed;
                return -1;
            }

            var next = data[lineFeed + 1];
            if (next == '\n')
            {
                return lineFeed + 1;
            }

            if (next == '\r')
            {
                if (lineFeed + 2 == data.Length)
                {
                    state = AfterLineFeedReturn;
                    return -1;
                }

                if (data[lineFeed + 2] == '\n')
                {
                    return lineFeed + 2;
                }
            }

            start = lineFeed + 1;
        }
    }

    private HeadStatus CheckLimits(int total, int maxStartLine, int maxSection, bool hasStartLine)
    {
        if (!hasStartLine)
        {
            return total > maxSection ? HeadStatus.SectionTooLarge : HeadStatus.NeedMoreData;
        }

        if (_startLineLength < 0)
        {
            // The line is not finished: its LF alone would take it past the limit.
            return total >= maxStartLine ? HeadStatus.StartLineTooLong : HeadStatus.NeedMoreData;
        }

        if (_startLineLength > maxStartLine)
        {
            return HeadStatus.StartLineTooLong;
        }

        return total - _startLineLength > maxSection ? HeadStatus.SectionTooLarge : HeadStatus.NeedMoreData;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var needed = _length + bytes.Length;
        if (_buffer is null || needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(512, Math.Max(needed, (_buffer?.Length ?? 0) * 2)));
            if (_buffer is not null)
            {
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = larger;
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length = needed;
    }
}
