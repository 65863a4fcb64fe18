using System.Net;
using NetScope.Web.Http;
using NetScope.Web.Server.Internal;

namespace NetScope.Web.Server;

/// <summary>
/// One HTTP request and its response (twisted.web's <c>Request</c>): what the client sent (method, target,
/// path segments, query arguments, headers, body, address) and the means to answer it (status, headers,
/// <see cref="Write(ReadOnlySpan{byte})"/>, <see cref="Finish"/>).
/// </summary>
/// <remarks>
/// <para>A resource either returns the whole body from <see cref="Resource.Render"/>, or returns
/// <see cref="RenderResult.NotDoneYet"/> and writes and finishes later, for example from a Deferred's callback.
/// <see cref="NotifyFinish"/> tells such a resource when the response is done, or that the client went away.</para>
/// <para>The response head is sent with the first write. Without a <c>Content-Length</c> header the body is sent
/// chunked to an HTTP/1.1 client, and until the connection closes to an HTTP/1.0 one. The <c>Date</c>,
/// <c>Server</c>, <c>Connection</c> and <c>Transfer-Encoding</c> headers are the server's.</para>
/// <para>Use it on the reactor thread only.</para>
/// </remarks>
public sealed partial class Request
{
    private readonly HttpServerProtocol _channel;
    private List<string>? _prepath;
    private List<string>? _postpath;
    private HttpQueryArguments? _args;

    internal Request(HttpServerProtocol channel, HttpRequestHead head, double startSeconds, DateTimeOffset startTime)
    {
        _channel = channel;
        Head = head;
        StartSeconds = startSeconds;
        StartTime = startTime;
    }

    /// <summary>The site serving the request.</summary>
    public Site Site => _channel.Site;

    /// <summary>The parsed request line and headers.</summary>
    public HttpRequestHead Head { get; }

    /// <summary>The method, for example GET (the <see cref="HttpMethods"/> constants for the methods HTTP defines).</summary>
    public string Method => Head.Method;

    /// <summary>The request-target exactly as sent, for example <c>/a%20b?x=1</c>.</summary>
    public string Uri => Head.Target;

    /// <summary>The path, percent-decoded, for display (route on <see cref="Prepath"/> and <see cref="Postpath"/>).</summary>
    public string Path => Head.Path;

    /// <summary>The path as sent, still percent-encoded.</summary>
    public string RawPath => Head.RawPath;

    /// <summary>The query after <c>?</c>, still encoded; empty when there is none.</summary>
    public string Query => Head.Query;

    /// <summary>The query arguments, like twisted.web's <c>request.args</c>.</summary>
    public HttpQueryArguments Args => _args ??= HttpQueryArguments.Parse(Head.Query);

    /// <summary>The request's version.</summary>
    public HttpProtocolVersion Version => Head.Version;

    /// <summary>The request's header fields.</summary>
    public HttpHeaders RequestHeaders => Head.Headers;

    /// <summary>The trailer fields that followed a chunked body, or <see langword="null"/>.</summary>
    public HttpHeaders? RequestTrailers { get; internal set; }

    /// <summary>The authority the request is for (from the target or the Host header), or <see langword="null"/>.</summary>
    public string? Host => Head.Host;

    /// <summary>The client's address.</summary>
    public EndPoint Client => _channel.Peer;

    /// <summary>
    /// The decoded path segments already used to find the resource (twisted.web's <c>prepath</c>); a resource
    /// that routes by hand moves segments here from <see cref="Postpath"/>.
    /// </summary>
    public List<string> Prepath => _prepath ??= [];

    /// <summary>
    /// The decoded path segments not used yet (twisted.web's <c>postpath</c>): all of them before routing, and
    /// what is left below a leaf resource. <c>/a/b/</c> is "a", "b", ""; an encoded slash stays inside its segment.
    /// </summary>
    public List<string> Postpath => _postpath ??= [.. Head.PathSegments];

    /// <summary>The resource the site routed the request to, once known.</summary>
    public Resource? Resource { get; internal set; }

    /// <summary>When the head arrived, on the reactor clock (seconds).</summary>
    internal double StartSeconds { get; }

    /// <summary>When the head arrived, on the wall clock (only set when someone reads the access log).</summary>
    internal DateTimeOffset StartTime { get; }

    /// <summary>The request line.</summary>
    /// <returns>For example <c>GET /index.html HTTP/1.1</c>.</returns>
    public override string ToString() => Head.ToString();

    /// <summary>The first value of a request header, or <see langword="null"/> (twisted.web's <c>getHeader</c>).</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name) => Head.Headers.Get(name);
}
