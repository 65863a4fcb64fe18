using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Client;

namespace NetScope.Tui.Model;

/// <summary>
/// An http session from the UI: the engine's <see cref="HttpSessionStarter"/> with a client of its own (a fresh
/// connection per request, so every session shows its dns, connect and TLS phases, and none is left idle after
/// it), and a reader that takes the whole response body (the session ends with the body; the transcript keeps
/// the share <see cref="HttpRequestSpec.TranscriptBodyLimit"/> allows).
/// </summary>
internal sealed class HttpRequestStarter : ISessionStarter
{
    /// <summary>Creates the starter for <paramref name="request"/>, whose <see cref="OpenRequest.Http"/> says what to send.</summary>
    public HttpRequestStarter(OpenRequest request)
    {
        Request = request ?? throw new ArgumentNullException(nameof(request));
        Http = request.Http ?? throw new ArgumentException("an http session needs its request", nameof(request));
    }

    /// <summary>What was asked: <see cref="WorkspaceCommands.Repeat"/> opens it again.</summary>
    public OpenRequest Request { get; }

    /// <summary>The request sent.</summary>
    public HttpRequestSpec Http { get; }

    /// <inheritdoc/>
    public string Kind => "http";

    /// <inheritdoc/>
    public string Target => Http.ToString();

    /// <inheritdoc/>
    public void Start(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = Request;
        var agent = new HttpAgent(context.Reactor, new HttpAgentOptions
        {
            Pool = new HttpConnectionPool(context.Reactor, persistent: false),
            Proxy = Http.Proxy,
            Tls = host => TlsFor(host, request),
        });
        var starter = new HttpSessionStarter(new HttpSessionRequest(agent, Http.Method, Http.Url)
        {
            Headers = Http.Headers,
            Body = Http.Body is { } body ? HttpRequestBody.FromBytes(body) : null,
            FollowRedirects = Http.FollowRedirects,
            TimeoutSeconds = Http.TimeoutSeconds,
            TranscriptBodyLimit = Http.TranscriptBodyLimit,
        });
        starter.Start(context);
        starter.Response.AddCallbacks(
            response =>
            {
                // The session (and the last redirect's) ends only once its body is read: read it all, keep nothing.
                ((HttpResponse)response!).DeliverBody(new BodyDrain());
                return null;
            },
            failure =>
            {
                // The session's transcript and end reason say why already.
                return null;
            });
    }

    /// <summary>The TLS settings of an https request to <paramref name="host"/>: its name for SNI and the check, ALPN http/1.1.</summary>
    internal static TlsClientOptions TlsFor(string host, OpenRequest request) => new()
    {
        ServerName = host,
        ApplicationProtocols = ["http/1.1"],
        TrustedAuthorities = request.TrustedAuthorities,
        Insecure = request.Insecure,
    };
}
