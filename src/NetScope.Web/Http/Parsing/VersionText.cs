namespace NetScope.Web.Http.Parsing;

/// <summary>Parses and writes <c>HTTP-version = HTTP-name "/" DIGIT "." DIGIT</c>.</summary>
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

        if (text[5] == '1' && text[7] is (byte)'0' or (byte)'1')
        {
            version = text[7] == '1' ? HttpProtocolVersion.Http11 : HttpProtocolVersion.Http10;
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
