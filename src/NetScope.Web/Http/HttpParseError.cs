namespace NetScope.Web.Http;

/// <summary>What a parser reports when it refuses its input; after it, the parser accepts nothing more.</summary>
public sealed class HttpParseError
{
    /// <summary>Creates an error of the given kind with a human-readable explanation.</summary>
    /// <param name="kind">What went wrong.</param>
    /// <param name="message">One sentence for logs and for the body of the error response.</param>
    public HttpParseError(HttpParseErrorKind kind, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Kind = kind;
        Message = message;
    }

    /// <summary>What went wrong.</summary>
    public HttpParseErrorKind Kind { get; }

    /// <summary>One sentence for logs and for the body of the error response.</summary>
    public string Message { get; }

    /// <summary>The status a server answers with before closing the connection (400, 413, 414, 431, 501 or 505).</summary>
    public int StatusCode => GetStatusCode(Kind);

    /// <summary>The status a server answers with for an error of this kind.</summary>
    /// <param name="kind">The kind of error.</param>
    /// <returns>400, 413, 414, 431, 501, 502 or 505.</returns>
    public static int GetStatusCode(HttpParseErrorKind kind) => kind switch
    {
        HttpParseErrorKind.UnsupportedVersion => 505,
        HttpParseErrorKind.RequestLineTooLong => 414,
        HttpParseErrorKind.HeaderSectionTooLarge or HttpParseErrorKind.TooManyHeaders => 431,
        HttpParseErrorKind.UnsupportedTransferCoding => 501,
        HttpParseErrorKind.BodyTooLarge => 413,
        HttpParseErrorKind.InvalidStatusLine or HttpParseErrorKind.StatusLineTooLong => 502,
        _ => 400,
    };

    /// <summary>Returns the kind, the status and the message on one line.</summary>
    /// <returns>For example <c>MissingHost (400): HTTP/1.1 requests must carry a Host header.</c></returns>
    public override string ToString() => $"{Kind} ({StatusCode}): {Message}";
}
