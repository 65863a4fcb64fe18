using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;
using NetScope.Sessions.Listeners;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Starts a listener serving any protocol factory in a workspace: each accepted connection is a
/// session with its transcript, and a <see cref="TrackingFactory"/> in front applies the
/// connection limit and idle timeout of the <see cref="ListenerSettings"/> and reports
/// connections to its observers.
/// </summary>
public sealed class TrackedListenerStarter : IListenerStarter
{
    private readonly ListenerSettings _settings;
    private readonly IProtocolFactory _protocols;
    private readonly IReadOnlyList<IListenerObserver> _observers;
    private readonly TlsServerOptions? _tls;
    private readonly TlsLayerOptions? _tlsLayer;

    /// <summary>
    /// Creates the starter: <paramref name="kind"/> names the listener, <paramref name="protocols"/>
    /// serves each connection; with <paramref name="tls"/> the listener serves over TLS.
    /// </summary>
    public TrackedListenerStarter(
        string kind, ListenerSettings settings, IProtocolFactory protocols, IReadOnlyList<IListenerObserver>? observers = null, TlsServerOptions? tls = null, TlsLayerOptions? tlsLayer = null)
    {
        _tls = tls;
        _tlsLayer = tlsLayer;
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Kind = kind;
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _protocols = protocols ?? throw new ArgumentNullException(nameof(protocols));
        _observers = observers ?? [];
    }

    /// <inheritdoc/>
    public string Kind { get; }

    /// <inheritdoc/>
    public string Target => new TcpListenerRequest(_settings.Port) { BindAddress = _settings.Host }.Describe();

    /// <summary>The tracking factory in front of the listener, once started.</summary>
    public TrackingFactory? Tracking { get; private set; }

    /// <inheritdoc/>
    public IListeningPort Start(ListenerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var protocols = _protocols;
        var accepting = context.CreateAcceptingFactory(
            session => protocols.BuildProtocol(session.Session.Peer ?? new IPEndPoint(IPAddress.None, 0))
                ?? throw new InvalidOperationException($"The {Kind} factory refused a connection."),
            new WrapOptions { RecordTranscript = true });
        var tracking = new TrackingFactory(new StartingFactory(accepting, protocols), context.Reactor, _settings.MaxConnections, _settings.IdleTimeoutSeconds);
        foreach (var observer in _observers)
        {
            tracking.AddObserver(observer);
        }

        Tracking = tracking;
        var listening = _tls is null ? (IProtocolFactory)tracking : context.Reactor.WrapForTls(tracking, _tls, _tlsLayer);
        return context.Reactor.ListenTcp(_settings.Port, listening, bindAddress: _settings.Host);
    }

    /// <summary>Builds through the workspace's accepting factory but starts and stops the protocol's own factory (chat keeps its members there).</summary>
    private sealed class StartingFactory : IProtocolFactory
    {
        private readonly IProtocolFactory _accepting;
        private readonly IProtocolFactory _protocols;

        public StartingFactory(IProtocolFactory accepting, IProtocolFactory protocols)
        {
            _accepting = accepting;
            _protocols = protocols;
        }

        public IProtocol? BuildProtocol(EndPoint address) => _accepting.BuildProtocol(address);

        public void DoStart()
        {
            _accepting.DoStart();
            _protocols.DoStart();
        }

        public void DoStop()
        {
            _protocols.DoStop();
            _accepting.DoStop();
        }
    }
}
