namespace NetScope.Web.Http.Parsing;

/// <summary>Splits a complete section into lines at each LF, noting whether a CR preceded it.</summary>
internal ref struct LineReader
{
    private ReadOnlySpan<byte> _rest;

    public LineReader(ReadOnlySpan<byte> section)
    {
        _rest = section;
    }

    /// <summary>Reads the next line without its line ending.</summary>
    /// <param name="line">The line; a CR just before the LF is removed.</param>
    /// <param name="endedWithCrLf">Whether the line ended with CRLF rather than a lone LF.</param>
    /// <returns><see langword="false"/> when no LF remains.</returns>
    public bool TryRead(out ReadOnlySpan<byte> line, out bool endedWithCrLf)
    {
        var lineFeed = _rest.IndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            line = default;
            endedWithCrLf = false;
            return false;
        }

        line = _rest[..lineFeed];
        _rest = _rest[(lineFeed + 1)..];
        endedWithCrLf = lineFeed > 0 && line[^1] == '\r';
        if (endedWithCrLf)
        {
            line = line[..^1];
        }

        return true;
    }
}
