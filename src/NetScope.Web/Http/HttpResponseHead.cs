namespace NetScope.Web.Http;

/// <summary>The head of a parsed response: status line, header fields, and what they imply for the connection.</summary>
public sealed class HttpResponseHead
{
    internal HttpResponseHead(
        HttpProtocolVersion version,
        int statusCode,
        string reasonPhrase,
        HttpHeaders headers,
        bool keepAlive,
        HttpBodyFraming bodyFraming,
        long contentLength)
    {
        Version = version;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        KeepAlive = keepAlive;
        BodyFraming = bodyFraming;
        ContentLength = contentLength;
    }

    /// <summary>HTTP/1.0 or HTTP/1.1.</summary>
    public HttpProtocolVersion Version { get; }

    /// <summary>The three-digit status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (possibly empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>The header fields in order, names in their original case.</summary>
    public HttpHeaders Headers { get; }

    /// <summary>Whether this is an interim (1xx) response.</summary>
    public bool IsInformational => StatusCode < 200;

    /// <summary>
    /// Whether the connection may carry another request after this response: HTTP/1.1 unless
    /// <c>Connection: close</c>, HTTP/1.0 only with <c>Connection: keep-alive</c>, and never when the body
    /// runs until close.
    /// </summary>
    public bool KeepAlive { get; }

    /// <summary>How the body is framed (RFC 9112 section 6.3), given the request method the parser was told.</summary>
    public HttpBodyFraming BodyFraming { get; }

    /// <summary>The body length with <see cref="HttpBodyFraming.ContentLength"/> framing, else -1.</summary>
    public long ContentLength { get; }

    /// <summary>The status line, without its CRLF.</summary>
    /// <returns>For example <c>HTTP/1.1 404 Not Found</c>.</returns>
    public override string ToString() =>
        $"{(Version == HttpProtocolVersion.Http11 ? "HTTP/1.1" : "HTTP/1.0")} {StatusCode} {ReasonPhrase}";
}
