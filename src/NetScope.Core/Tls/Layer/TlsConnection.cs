using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Core.Transports.Tcp;

namespace NetScope.Core.Tls.Layer;

/// <summary>
/// TLS as a protocol layer on the reactor (Twisted's <c>TLSMemoryBIOProtocol</c>): to the transport beneath
/// it is the protocol, receiving ciphertext; to the application protocol above it is the transport, taking
/// and delivering plaintext. A <see cref="TlsEngine"/> does the TLS, driven from the reactor thread.
/// </summary>
/// <remarks>
/// Created by <see cref="TlsServerFactory"/> and <see cref="TlsClientFactory"/> (the application's
/// <c>ConnectionMade</c> comes at once, its writes wait for the handshake), or by STARTTLS on a TCP
/// connection (the application keeps the TCP transport, which routes through this layer from then on).
/// Over a <see cref="TcpConnection"/> the layer attaches itself, so the reactor's own calls on the TCP
/// connection (a graceful shutdown's <c>LoseConnection</c>) go through TLS and send close_notify.
/// </remarks>
internal sealed partial class TlsConnection : IProtocol, IHalfCloseableProtocol, ITlsTransport
{
    private readonly IReactor _reactor;
    private readonly TlsClientOptions? _clientOptions;
    private readonly TlsServerOptions? _serverOptions;
    private readonly TlsLayerOptions _layer;
    private readonly IProtocol _app;
    private ITransport? _lower;
    private TlsEngine? _engine;
    private TransportStats? _stats;
    private double _handshakeStartedAt;

    private TlsConnection(IReactor reactor, TlsClientOptions? client, TlsServerOptions? server, TlsLayerOptions? layer, IProtocol app)
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        _clientOptions = client;
        _serverOptions = server;
        _layer = layer ?? TlsLayerOptions.Default;
        _app = app ?? throw new ArgumentNullException(nameof(app));
    }

    /// <inheritdoc/>
    public TlsRole Role => _clientOptions is not null ? TlsRole.Client : TlsRole.Server;

    /// <inheritdoc/>
    public TlsEngineState TlsState => _failure is not null ? TlsEngineState.Failed : _engine?.State ?? TlsEngineState.NotStarted;

    /// <inheritdoc/>
    public TlsSessionInfo? Session => _engine?.Session;

    /// <inheritdoc/>
    public TlsFailure? Failure => _failure;

    /// <inheritdoc/>
    public ITransport LowerTransport => _lower ?? throw new InvalidOperationException("The TLS layer is not connected yet.");

    /// <inheritdoc/>
    public TransportStats Stats => _stats ?? throw new InvalidOperationException("The TLS layer is not connected yet.");

    /// <summary>The application protocol above the layer.</summary>
    public IProtocol Application => _app;

    /// <inheritdoc/>
    public bool NoDelay
    {
        get => _lower is ITcpTransport tcp && tcp.NoDelay;
        set
        {
            if (_lower is ITcpTransport tcp)
            {
                tcp.NoDelay = value;
            }
        }
    }

    /// <inheritdoc/>
    public bool KeepAlive
    {
        get => _lower is ITcpTransport tcp && tcp.KeepAlive;
        set
        {
            if (_lower is ITcpTransport tcp)
            {
                tcp.KeepAlive = value;
            }
        }
    }

    private TlsEngine Engine => _engine!;

    private ITransport Lower => _lower!;

    /// <summary>A client layer for <paramref name="app"/>; it starts when the transport beneath connects it.</summary>
    public static TlsConnection CreateClient(IReactor reactor, TlsClientOptions options, TlsLayerOptions? layer, IProtocol app) =>
        new(reactor, options ?? throw new ArgumentNullException(nameof(options)), null, layer, app);

    /// <summary>A server layer for <paramref name="app"/>; it starts when the transport beneath connects it.</summary>
    public static TlsConnection CreateServer(IReactor reactor, TlsServerOptions options, TlsLayerOptions? layer, IProtocol app) =>
        new(reactor, null, options ?? throw new ArgumentNullException(nameof(options)), layer, app);

    /// <summary>
    /// The transport beneath is connected (the wrapping-factory path): start the handshake and connect the
    /// application, whose <c>ConnectionMade</c> runs now.
    /// </summary>
    public void MakeConnection(ITransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var lower = transport is TcpConnection tcp ? tcp.AttachTls(this) : transport;
        Begin(lower, connectApplication: true);
    }

    /// <summary>
    /// STARTTLS: the application is already connected over <paramref name="rawLower"/>, which the caller has
    /// just pointed at this layer; start the handshake without a second <c>ConnectionMade</c>.
    /// </summary>
    public void BeginUpgrade(ITransport rawLower) => Begin(rawLower, connectApplication: false);

    /// <inheritdoc/>
    void IProtocol.ConnectionMade()
    {
        // MakeConnection does the work: the layer has nothing to add once the handshake has started.
    }

    /// <inheritdoc/>
    public EndPoint GetPeer() => Lower.GetPeer();

    /// <inheritdoc/>
    public EndPoint GetHost() => Lower.GetHost();

    /// <inheritdoc/>
    public TcpKernelInfo? GetKernelInfo() => (_lower as ITcpTransport)?.GetKernelInfo();

    /// <inheritdoc/>
    public TlsStatus GetStatus()
    {
        var session = Session;
        var failure = _failure;
        var engine = _engine;
        var elapsed = session?.HandshakeDuration
            ?? TimeSpan.FromSeconds(engine is null ? 0 : Math.Max(0, (_handshakeEndedAt ?? _reactor.Seconds()) - _handshakeStartedAt));
        return new TlsStatus
        {
            Role = Role,
            State = TlsState,
            HandshakeElapsed = elapsed,
            ServerNameSent = Role == TlsRole.Client ? session?.ServerName ?? SniToSend(_clientOptions!.ServerName) : null,
            ServerNameReceived = Role == TlsRole.Server ? session?.ServerName : null,
            Session = session,
            Failure = failure,
            PeerCertificates = session?.PeerCertificates ?? failure?.PeerCertificates ?? [],
            Verification = session?.Verification ?? failure?.Verification ?? TlsVerificationResult.NotPerformed,
            CloseNotifySent = engine?.CloseNotifySent ?? false,
            CloseNotifyReceived = engine?.CloseNotifyReceived ?? false,
        };
    }

    /// <inheritdoc/>
    public Deferred<TlsSessionInfo> NotifyHandshakeCompleted()
    {
        var deferred = new Deferred<TlsSessionInfo>().WithLabel("TLS handshake");
        if (Session is { } session)
        {
            deferred.Callback(session);
        }
        else if (_handshakeOutcome is { } outcome)
        {
            deferred.Errback(outcome);
        }
        else
        {
            (_handshakeWaiters ??= []).Add(deferred);
        }

        return deferred;
    }

    /// <summary>How the layer is described in logs and views.</summary>
    public override string ToString() =>
        $"TLS {Role.ToString().ToLowerInvariant()} over {_lower?.ToString() ?? "(not connected)"} ({_app.GetType().Name}, {TlsState})";

    /// <summary>The name a ClientHello carries for <paramref name="serverName"/>: none for an IP literal (RFC 6066).</summary>
    private static string? SniToSend(string? serverName) =>
        serverName is null || IPAddress.TryParse(serverName.Trim('[', ']'), out _) ? null : serverName;

    private void Begin(ITransport lower, bool connectApplication)
    {
        if (_lower is not null)
        {
            throw new InvalidOperationException("The TLS layer is already connected.");
        }

        _lower = lower;
        var below = lower.Stats;
        _stats = new TransportStats(_reactor, "tls", TransportState.TlsHandshaking)
        {
            Local = below.Local,
            Remote = below.Remote,
            HighWaterMark = below.HighWaterMark,
            LowWaterMark = below.LowWaterMark,
        };
        var time = _layer.TimeProvider;
        _engine = _clientOptions is not null
            ? TlsEngine.CreateClient(this, _clientOptions, time)
            : TlsEngine.CreateServer(this, _serverOptions!, time);
        _handshakeStartedAt = _reactor.Seconds();
        if (_layer.HandshakeTimeoutSeconds > 0)
        {
            _handshakeTimer = _reactor.CallLater(_layer.HandshakeTimeoutSeconds, HandshakeTimedOut);
        }

        _engine.Start();
        if (connectApplication)
        {
            try
            {
                _app.MakeConnection(this);
            }
            catch (Exception exception)
            {
                FailFromProtocol(exception);
                return;
            }
        }

        AfterEngineCall();
    }

    private void CancelHandshakeTimer()
    {
        if (_handshakeTimer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        _handshakeTimer = null;
    }
}
