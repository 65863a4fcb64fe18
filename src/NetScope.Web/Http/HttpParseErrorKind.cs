namespace NetScope.Web.Http;

/// <summary>Why a parser refused its input. <see cref="HttpParseError.StatusCode"/> maps each kind to the status a server answers with.</summary>
public enum HttpParseErrorKind
{
    /// <summary>The request line is not <c>method SP request-target SP HTTP-version</c> (400).</summary>
    InvalidRequestLine,

    /// <summary>The method is empty or holds a character that is not a token character (400).</summary>
    InvalidMethod,

    /// <summary>The request-target holds a forbidden byte or does not fit its method's form (400).</summary>
    InvalidRequestTarget,

    /// <summary>The HTTP-version is not of the form <c>HTTP/d.d</c> (400).</summary>
    InvalidVersion,

    /// <summary>A well-formed version other than HTTP/1.0 and HTTP/1.1 (505).</summary>
    UnsupportedVersion,

    /// <summary>The request line is longer than <see cref="HttpParserOptions.MaxStartLineLength"/> (414).</summary>
    RequestLineTooLong,

    /// <summary>The status line of a response is malformed (502 for a proxy; a client reports it).</summary>
    InvalidStatusLine,

    /// <summary>The status line is longer than <see cref="HttpParserOptions.MaxStartLineLength"/> (502).</summary>
    StatusLineTooLong,

    /// <summary>The header or trailer section is larger than <see cref="HttpParserOptions.MaxHeaderSectionLength"/> (431).</summary>
    HeaderSectionTooLarge,

    /// <summary>More field lines than <see cref="HttpParserOptions.MaxHeaderCount"/> (431).</summary>
    TooManyHeaders,

    /// <summary>A field line without a colon (400).</summary>
    InvalidHeaderLine,

    /// <summary>A field name that is empty or not a token (400).</summary>
    InvalidHeaderName,

    /// <summary>Whitespace between a field name and its colon, which RFC 9112 section 5.1 requires rejecting (400).</summary>
    WhitespaceBeforeColon,

    /// <summary>A field line starting with whitespace: obsolete line folding (400).</summary>
    ObsoleteLineFolding,

    /// <summary>A field value holding CR, LF, NUL or another control character (400).</summary>
    InvalidHeaderValue,

    /// <summary>A line ended by LF alone where CRLF is required (400).</summary>
    BareLineFeed,

    /// <summary>A Content-Length that is not a list of the same decimal number (400).</summary>
    InvalidContentLength,

    /// <summary>Several Content-Length values that disagree (400).</summary>
    ConflictingContentLength,

    /// <summary>Both Transfer-Encoding and Content-Length: a request smuggling vector (400).</summary>
    ContentLengthWithTransferEncoding,

    /// <summary>A Transfer-Encoding that is empty, malformed, applies chunked twice or does not end with chunked (400).</summary>
    InvalidTransferEncoding,

    /// <summary>Transfer-Encoding in an HTTP/1.0 request, whose framing cannot be trusted (400).</summary>
    TransferEncodingInHttp10,

    /// <summary>A transfer coding other than chunked (501).</summary>
    UnsupportedTransferCoding,

    /// <summary>An HTTP/1.1 request without Host (400).</summary>
    MissingHost,

    /// <summary>A request with more than one Host field line (400).</summary>
    MultipleHost,

    /// <summary>A Host value that is not <c>uri-host [ ":" port ]</c> (400).</summary>
    InvalidHost,

    /// <summary>A chunk-size line that does not start with hexadecimal digits (400).</summary>
    InvalidChunkSize,

    /// <summary>A chunk size that does not fit in 63 bits (400).</summary>
    ChunkSizeOverflow,

    /// <summary>A malformed chunk extension (400).</summary>
    InvalidChunkExtension,

    /// <summary>A chunk-size line longer than <see cref="HttpParserOptions.MaxChunkLineLength"/> (400).</summary>
    ChunkLineTooLong,

    /// <summary>Chunk data not followed by CRLF (400).</summary>
    InvalidChunkFraming,

    /// <summary>A body longer than <see cref="HttpParserOptions.MaxBodyLength"/> (413).</summary>
    BodyTooLarge,

    /// <summary>The stream ended in the middle of a message (400).</summary>
    IncompleteMessage,
}
