namespace NetScope.Web.Http.Parsing;

/// <summary>Splits and validates one field line (RFC 9112 section 5).</summary>
internal static class FieldLine
{
    /// <summary>Splits <c>name ":" OWS value OWS</c>, refusing what RFC 9112 says to refuse.</summary>
    /// <param name="line">The line without its line ending; never empty.</param>
    /// <param name="name">The field name.</param>
    /// <param name="value">The field value without surrounding whitespace.</param>
    /// <param name="error">Why the line was refused.</param>
    /// <returns>Whether the line is valid.</returns>
    public static bool TrySplit(
        ReadOnlySpan<byte> line,
        out ReadOnlySpan<byte> name,
        out ReadOnlySpan<byte> value,
        out HttpParseErrorKind error)
    {
        name = default;
        value = default;
        if (HttpSyntax.IsWhitespace(line[0]))
        {
            error = HttpParseErrorKind.ObsoleteLineFolding;
            return false;
        }

        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            error = HttpParseErrorKind.InvalidHeaderLine;
            return false;
        }

        name = line[..colon];
        if (name.IsEmpty)
        {
            error = HttpParseErrorKind.InvalidHeaderName;
            return false;
        }

        if (HttpSyntax.IsWhitespace(name[^1]))
        {
            error = HttpParseErrorKind.WhitespaceBeforeColon;
            return false;
        }

        if (name.ContainsAnyExcept(HttpSyntax.TokenBytes))
        {
            error = HttpParseErrorKind.InvalidHeaderName;
            return false;
        }

        value = line[(colon + 1)..].Trim(HttpSyntax.Whitespace);
        if (value.ContainsAny(HttpSyntax.InvalidFieldValueBytes))
        {
            error = HttpParseErrorKind.InvalidHeaderValue;
            return false;
        }

        error = default;
        return true;
    }
}
