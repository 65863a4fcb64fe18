using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// The head of a parsed request: request line, header fields, and what they imply for the connection.
/// Instances are never changed by the parser after they are handed out, so a handler may keep them.
/// </summary>
public sealed class HttpRequestHead
{
    private string? _path;
    private string[]? _segments;

    internal HttpRequestHead(
        string method,
        RequestTarget target,
        HttpProtocolVersion version,
        HttpHeaders headers,
        string? host,
        bool keepAlive,
        bool expectContinue,
        HttpBodyFraming bodyFraming,
        long contentLength)
    {
        Method = method;
        Target = target.Text;
        TargetForm = target.Form;
        Scheme = target.Scheme;
        RawPath = target.RawPath;
        Query = target.Query;
        Version = version;
        Headers = headers;
        Host = host;
        KeepAlive = keepAlive;
        ExpectContinue = expectContinue;
        BodyFraming = bodyFraming;
        ContentLength = contentLength;
    }

    /// <summary>The method, case-sensitive; the <see cref="HttpMethods"/> constants for known methods, any other token as sent.</summary>
    public string Method { get; }

    /// <summary>The request-target exactly as sent.</summary>
    public string Target { get; }

    /// <summary>Which of the four request-target forms was used.</summary>
    public HttpRequestTargetForm TargetForm { get; }

    /// <summary>The scheme of an absolute-form target, in lower case; <see langword="null"/> for the other forms.</summary>
    public string? Scheme { get; }

    /// <summary>
    /// The path, still percent-encoded: <c>/a%20b</c> for origin and absolute form (<c>/</c> when an absolute
    /// URL has none), <c>*</c> for asterisk form, empty for CONNECT.
    /// </summary>
    public string RawPath { get; }

    /// <summary>
    /// The path percent-decoded for display (see <see cref="HttpPath.Decode"/>); route on
    /// <see cref="PathSegments"/>, which keeps <c>%2F</c> apart from <c>/</c>.
    /// </summary>
    public string Path => _path ??= HttpPath.Decode(RawPath);

    /// <summary>The decoded path segments, like twisted.web's <c>postpath</c> (see <see cref="HttpPath.GetSegments"/>).</summary>
    public IReadOnlyList<string> PathSegments => _segments ??= HttpPath.GetSegments(RawPath);

    /// <summary>The query after <c>?</c>, still encoded; empty when there is none. Parse it with <see cref="HttpQueryArguments.Parse"/>.</summary>
    public string Query { get; }

    /// <summary>HTTP/1.0 or HTTP/1.1.</summary>
    public HttpProtocolVersion Version { get; }

    /// <summary>The header fields in order, names in their original case.</summary>
    public HttpHeaders Headers { get; }

    /// <summary>
    /// The authority the request is for: from the target in absolute and authority form (RFC 9112 section
    /// 3.2.2 says to ignore Host then), else the Host value (possibly empty); <see langword="null"/> when an
    /// HTTP/1.0 request sent no Host.
    /// </summary>
    public string? Host { get; }

    /// <summary>
    /// Whether the connection may carry another request after this one: HTTP/1.1 unless <c>Connection: close</c>,
    /// HTTP/1.0 only with <c>Connection: keep-alive</c>.
    /// </summary>
    public bool KeepAlive { get; }

    /// <summary>Whether an HTTP/1.1 client waits for <c>100 Continue</c> before sending the body (<c>Expect: 100-continue</c>).</summary>
    public bool ExpectContinue { get; }

    /// <summary>How the body is framed: none, Content-Length or chunked.</summary>
    public HttpBodyFraming BodyFraming { get; }

    /// <summary>The body length with <see cref="HttpBodyFraming.ContentLength"/> framing, else -1.</summary>
    public long ContentLength { get; }

    /// <summary>The request line, without its CRLF.</summary>
    /// <returns>For example <c>GET /index.html HTTP/1.1</c>.</returns>
    public override string ToString() => $"{Method} {Target} {(Version == HttpProtocolVersion.Http11 ? "HTTP/1.1" : "HTTP/1.0")}";
}
