using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Protocols.Classic;
using NetScope.Core.Reactor;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Server.Listeners;

namespace NetScope.Tui.Model;

/// <summary>
/// The session and listener kinds the TUI offers: the dialogs, <c>--open</c>/<c>--listen</c> and
/// the demo all read these lists, so a new kind is one entry here.
/// </summary>
internal sealed class KindCatalog
{
    /// <summary>Creates the catalog; <paramref name="time"/> is the clock the daytime listener and certificates read.</summary>
    public KindCatalog(TimeProvider time)
    {
        Time = time ?? throw new ArgumentNullException(nameof(time));
        Sessions =
        [
            new SessionChoice("tcp", "a TCP connection you type into, line by line or raw bytes (/starttls upgrades it)", request =>
                new TcpSessionStarter(new TcpSessionRequest(request.Target) { Mode = request.Mode, LineEnding = request.LineEnding })),
            new SessionChoice("tls", "the same over TLS: the handshake, version, cipher and certificate in the Transport tab", request =>
                new TlsSessionStarter(new TlsSessionRequest(request.Target, ClientOptions(request.ServerName ?? request.Target.Host, request.Insecure, request.TrustedAuthorities, request.ApplicationProtocols)) { Mode = request.Mode, LineEnding = request.LineEnding })),
            new SessionChoice("http", "one HTTP request (http:// or https://) and its response: phases in the Timing tab, r repeats it", request =>
                new HttpRequestStarter(request)),
        ];
        Listeners =
        [
            Classic("echo", "sends back what arrives (RFC 862)", ListenerKind.Echo),
            Classic("discard", "reads and throws away (RFC 863)", ListenerKind.Discard),
            Classic("chargen", "sends characters as fast as the client reads (RFC 864)", ListenerKind.Chargen),
            Classic("daytime", "sends the date and time, then closes (RFC 867)", ListenerKind.Daytime),
            Classic("qotd", "sends a quote, then closes (RFC 865)", ListenerKind.Qotd),
            Classic("chat", "relays each line to every other client", ListenerKind.Chat),
            new ListenerChoice("http", "an HTTP server: files, an echo of each request, or a fixed answer", false, true, (request, tls, reactor) =>
                new TrackedListenerStarter("http", Settings(request, ListenerKind.Http), HttpListeners.CreateSite(HttpOptions(request), reactor), tls: tls)),
            new ListenerChoice("tcp", "each connection is a session you type into (like nc -l)", true, false, (request, _, _) =>
                new TcpListenerStarter(new TcpListenerRequest(request.Port) { BindAddress = request.Host, Mode = request.LineFraming ? StreamMode.Line : StreamMode.Raw })),
        ];
    }

    /// <summary>The clock listeners and certificates read.</summary>
    public TimeProvider Time { get; }

    /// <summary>The session kinds, in the dialog's order.</summary>
    public IReadOnlyList<SessionChoice> Sessions { get; }

    /// <summary>The listener kinds, in the dialog's order.</summary>
    public IReadOnlyList<ListenerChoice> Listeners { get; }

    /// <summary>The session kind named <paramref name="name"/>, if offered.</summary>
    public SessionChoice? FindSession(string name) => Sessions.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The listener kind named <paramref name="name"/>, if offered.</summary>
    public ListenerChoice? FindListener(string name) => Listeners.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What a TLS client (a tls session, or <c>/starttls</c>) offers and checks: <paramref name="serverName"/>
    /// (the host unless the dialog named another) as SNI and for the name check, <paramref name="trusted"/> as
    /// the only authorities when given (else the system's store), and <paramref name="alpn"/> (none when empty).
    /// </summary>
    public static TlsClientOptions ClientOptions(string serverName, bool insecure, X509Certificate2Collection? trusted = null, IReadOnlyList<string>? alpn = null) =>
        new() { ServerName = serverName, Insecure = insecure, TrustedAuthorities = trusted, ApplicationProtocols = alpn ?? [] };

    /// <summary>
    /// Builds the starter for <paramref name="request"/>; for TLS it first makes a self-signed
    /// certificate for localhost, on the thread pool (generating a key takes a while: not on the UI thread).
    /// </summary>
    public async Task<IListenerStarter> CreateListenerAsync(ListenRequest request, IReactor reactor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reactor);
        var kind = FindListener(request.Kind) ?? throw new ArgumentException($"no {request.Kind} listener in this build", nameof(request));
        if (!request.Tls)
        {
            return kind.Create(request, null, reactor);
        }

        if (!kind.OffersTls)
        {
            throw new ArgumentException($"{kind.Name} listeners do not serve TLS", nameof(request));
        }

        var time = Time;
        var server = await Task.Run(() => new TlsListenerOptions().CreateServerOptions(time)).ConfigureAwait(false);
        return kind.Create(request, server, reactor);
    }

    private ListenerChoice Classic(string name, string description, ListenerKind kind) =>
        new(name, description, ListenerProtocols.HasFraming(kind), true, (request, tls, _) =>
            new ClassicListenerStarter(Settings(request, kind), Time, tls: tls));

    private static ListenerSettings Settings(ListenRequest request, ListenerKind kind) =>
        new(kind, request.Host, request.Port, request.LineFraming ? FramingMode.Line : FramingMode.Raw);

    private static HttpListenerOptions HttpOptions(ListenRequest request) => new()
    {
        Mode = request.HttpMode,
        RootDirectory = request.HttpRoot,
        StatusCode = request.HttpStatus,
    };
}
