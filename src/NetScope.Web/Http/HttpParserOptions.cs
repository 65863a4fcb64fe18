namespace NetScope.Web.Http;

/// <summary>Limits and leniencies of <see cref="HttpRequestParser"/> and <see cref="HttpResponseParser"/>.</summary>
/// <remarks>
/// Each limit is reported with its own <see cref="HttpParseErrorKind"/> and therefore its own status code,
/// so a server can answer 414, 431 or 413 without guessing.
/// </remarks>
public sealed class HttpParserOptions
{
    /// <summary>The defaults for parsing requests (a server): 8 KiB request line, 32 KiB of headers, 100 headers, 32 MiB bodies.</summary>
    public static HttpParserOptions RequestDefaults { get; } = new();

    /// <summary>The defaults for parsing responses (a client): the same as <see cref="RequestDefaults"/> but no body limit.</summary>
    public static HttpParserOptions ResponseDefaults { get; } = new() { MaxBodyLength = long.MaxValue };

    /// <summary>The longest request line or status line, in bytes, counting its line ending.</summary>
    /// <remarks>Defaults to 8192. A longer request line is answered with 414.</remarks>
    public int MaxStartLineLength { get; init; } = 8192;

    /// <summary>The largest header section (every field line and the empty line after them), in bytes; also bounds trailers.</summary>
    /// <remarks>Defaults to 32768. A larger section is answered with 431.</remarks>
    public int MaxHeaderSectionLength { get; init; } = 32 * 1024;

    /// <summary>The most field lines in a header or trailer section.</summary>
    /// <remarks>Defaults to 100. More are answered with 431.</remarks>
    public int MaxHeaderCount { get; init; } = 100;

    /// <summary>The longest body, in bytes, whether framed by Content-Length or chunked.</summary>
    /// <remarks>Defaults to 32 MiB for requests and unlimited for responses. A longer body is answered with 413.</remarks>
    public long MaxBodyLength { get; init; } = 32L * 1024 * 1024;

    /// <summary>The longest chunk-size line (size, extensions and CRLF), in bytes.</summary>
    /// <remarks>Defaults to 4096. Bounds the memory an endless chunk extension can hold.</remarks>
    public int MaxChunkLineLength { get; init; } = 4096;

    /// <summary>Whether a lone LF ends a line of the start line and header section.</summary>
    /// <remarks>
    /// Defaults to <see langword="true"/>: RFC 9112 section 2.2 lets a recipient accept it, and old tools send it.
    /// A lone CR is always refused, and the chunked framing (size lines, data terminators, trailers) always
    /// requires CRLF, because disagreeing about LF there is what request smuggling through proxies exploits.
    /// </remarks>
    public bool AllowBareLineFeed { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStartLineLength, 16, nameof(MaxStartLineLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderSectionLength, 2, nameof(MaxHeaderSectionLength));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxHeaderCount, nameof(MaxHeaderCount));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBodyLength, nameof(MaxBodyLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChunkLineLength, 3, nameof(MaxChunkLineLength));
    }
}
