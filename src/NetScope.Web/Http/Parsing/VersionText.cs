namespace NetScope.Web.Http.Parsing;

/// <summary>Parses and writes <c>HTTP-version = HTTP-name "/" DIGIT "." DIGIT</c>; any HTTP/1.x past 1.0 reads as HTTP/1.1.</summary>
internal static class VersionText
{
    public const int Length = 8;

    public static bool TryParse(ReadOnlySpan<byte> text, out HttpProtocolVersion version, out HttpParseErrorKind error)
    {
        version = default;
        if (text.Length != Length || !text.StartsWith("HTTP/"u8) || !char.IsAsciiDigit((char)text[5]) || text[6] != '.' || !char.IsAsciiDigit((char)text[7]))
        {
            error = HttpParseErrorKind.InvalidVersion;
            return false;
        }

        if (text[5] == '1')
        {
            // RFC 9110 section 2.5: a higher minor version of a major version we implement is read as the highest
            // minor version we know, so HTTP/1.2 is HTTP/1.1, not a 505.
            version = text[7] == '0' ? HttpProtocolVersion.Http10 : HttpProtocolVersion.Http11;
            error = default;
            return true;
        }

        error = HttpParseErrorKind.UnsupportedVersion;
        return false;
    }

    public static ReadOnlySpan<byte> Bytes(HttpProtocolVersion version) => version switch
    {
        HttpProtocolVersion.Http11 => "HTTP/1.1"u8,
        HttpProtocolVersion.Http10 => "HTTP/1.0"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Only HTTP/1.0 and HTTP/1.1 can be written."),
    };
}
