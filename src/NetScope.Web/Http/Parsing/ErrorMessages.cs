namespace NetScope.Web.Http.Parsing;

/// <summary>One sentence per error kind, for logs and error response bodies.</summary>
internal static class ErrorMessages
{
    public static HttpParseError Create(HttpParseErrorKind kind) => new(kind, For(kind));

    public static string For(HttpParseErrorKind kind) => kind switch
    {
        HttpParseErrorKind.InvalidRequestLine => "The request line is not 'method SP request-target SP HTTP-version'.",
        HttpParseErrorKind.InvalidMethod => "The method is not a token.",
        HttpParseErrorKind.InvalidRequestTarget => "The request-target holds a forbidden character or does not suit the method.",
        HttpParseErrorKind.InvalidVersion => "The HTTP version is malformed.",
        HttpParseErrorKind.UnsupportedVersion => "Only HTTP/1.0 and HTTP/1.1 are supported.",
        HttpParseErrorKind.RequestLineTooLong => "The request line is too long.",
        HttpParseErrorKind.InvalidStatusLine => "The status line is not 'HTTP-version SP status-code SP reason-phrase'.",
        HttpParseErrorKind.StatusLineTooLong => "The status line is too long.",
        HttpParseErrorKind.HeaderSectionTooLarge => "The header section is too large.",
        HttpParseErrorKind.TooManyHeaders => "There are too many header fields.",
        HttpParseErrorKind.InvalidHeaderLine => "A header line has no colon.",
        HttpParseErrorKind.InvalidHeaderName => "A header field name is not a token.",
        HttpParseErrorKind.WhitespaceBeforeColon => "A header field name is followed by whitespace before its colon.",
        HttpParseErrorKind.ObsoleteLineFolding => "A header line starts with whitespace (obsolete line folding).",
        HttpParseErrorKind.InvalidHeaderValue => "A header field value holds a control character.",
        HttpParseErrorKind.BareLineFeed => "A line ends with LF where CRLF is required.",
        HttpParseErrorKind.InvalidContentLength => "Content-Length is not a decimal number.",
        HttpParseErrorKind.ConflictingContentLength => "Several Content-Length values disagree.",
        HttpParseErrorKind.ContentLengthWithTransferEncoding => "Both Transfer-Encoding and Content-Length are present.",
        HttpParseErrorKind.InvalidTransferEncoding => "Transfer-Encoding must end with chunked, applied once.",
        HttpParseErrorKind.TransferEncodingInHttp10 => "Transfer-Encoding is not allowed in an HTTP/1.0 request.",
        HttpParseErrorKind.UnsupportedTransferCoding => "Only the chunked transfer coding is supported.",
        HttpParseErrorKind.MissingHost => "An HTTP/1.1 request must carry a Host header.",
        HttpParseErrorKind.MultipleHost => "A request must carry only one Host header.",
        HttpParseErrorKind.InvalidHost => "The Host header is not a valid host and port.",
        HttpParseErrorKind.InvalidChunkSize => "A chunk size is not hexadecimal.",
        HttpParseErrorKind.ChunkSizeOverflow => "A chunk size is too large.",
        HttpParseErrorKind.InvalidChunkExtension => "A chunk extension is malformed.",
        HttpParseErrorKind.ChunkLineTooLong => "A chunk-size line is too long.",
        HttpParseErrorKind.InvalidChunkFraming => "Chunk data is not followed by CRLF.",
        HttpParseErrorKind.BodyTooLarge => "The body is larger than allowed.",
        HttpParseErrorKind.IncompleteMessage => "The connection ended in the middle of a message.",
        _ => kind.ToString(),
    };
}
