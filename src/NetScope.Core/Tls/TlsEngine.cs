using System.Net.Security;
using System.Security.Authentication;

namespace NetScope.Core.Tls;

/// <summary>
/// TLS as a layer over any byte transport, in the manner of Twisted's <c>TLSMemoryBIOProtocol</c>: the
/// transport feeds in what arrived from the network, the engine hands back what to send, and the
/// application reads and writes plaintext through the same object. Underneath is
/// <see cref="SslStream"/> over an in-memory stream.
/// </summary>
/// <remarks>
/// <para>
/// One thread drives the engine: the one that calls <see cref="Start"/>. Every input must come from it
/// (others throw <see cref="InvalidOperationException"/>), every <see cref="ITlsEngineHost"/> callback
/// happens on it, and no call blocks. SslStream is asynchronous, so its reads from the memory stream
/// stay pending until <see cref="ReceiveCiphertext"/> supplies bytes; the engine then completes them
/// synchronously and SslStream's continuation runs inline, inside the input call. Should .NET ever
/// resume on another thread instead, the engine hands the rest of the work to
/// <see cref="ITlsEngineHost.Post"/>.
/// </para>
/// <para>
/// Flow control: <see cref="BufferedCiphertextBytes"/> and <see cref="PendingPlaintextBytes"/> say how
/// much is waiting on each side; <see cref="PauseReceiving"/> stops plaintext delivery so received
/// ciphertext accumulates and the transport can stop reading the socket.
/// </para>
/// <para>
/// An exception thrown by a host callback fails the engine with <see cref="TlsFailureKind.ConnectionError"/>
/// (or <see cref="TlsFailureKind.HandshakeFailed"/>) carrying that exception.
/// </para>
/// </remarks>
public sealed partial class TlsEngine : IDisposable, ITlsBioOwner
{
    private const int ReadBufferSize = 16 * 1024;

    private readonly ITlsEngineHost _host;
    private readonly TimeProvider _time;
    private readonly TlsClientOptions? _clientOptions;
    private readonly TlsServerOptions? _serverOptions;
    private readonly TlsHandshakeObserver _observer;
    private readonly TlsBio _bio;
    private readonly SslStream _ssl;
    private readonly PlaintextQueue _outbound = new();
    private readonly byte[] _readBuffer = new byte[ReadBufferSize];

    private int _engineThreadId;
    private long _startTimestamp;
    private DateTimeOffset _verificationTime;
    private bool _pumping;
    private bool _flushing;
    private bool _shutdownRequested;
    private bool _transportClosed;
    private Exception? _transportError;
    private bool _receivingPaused;
    private TaskCompletionSource? _resumeReceiving;
    private bool _disposed;

    private TlsEngine(ITlsEngineHost host, TlsRole role, TimeProvider? timeProvider, TlsClientOptions? client, TlsServerOptions? server)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (min, max) = client is not null ? (client.MinVersion, client.MaxVersion) : (server!.MinVersion, server.MaxVersion);
        if (min > max)
        {
            throw new ArgumentException($"MinVersion {min} is above MaxVersion {max}.", client is not null ? nameof(client) : nameof(server));
        }

        _host = host;
        Role = role;
        _time = timeProvider ?? TimeProvider.System;
        _clientOptions = client;
        _serverOptions = server;
        _observer = new TlsHandshakeObserver(role);
        _bio = new TlsBio(this);
        _ssl = new SslStream(_bio, leaveInnerStreamOpen: false);
    }

    /// <summary>Which side this engine plays.</summary>
    public TlsRole Role { get; }

    /// <summary>Where the engine is in its life.</summary>
    public TlsEngineState State { get; private set; }

    /// <summary>What the handshake negotiated; null until <see cref="ITlsEngineHost.HandshakeCompleted"/>.</summary>
    public TlsSessionInfo? Session { get; private set; }

    /// <summary>Why the engine failed; null unless <see cref="State"/> is <see cref="TlsEngineState.Failed"/>.</summary>
    public TlsFailure? Failure { get; private set; }

    /// <summary>True once this side's close_notify has been handed to the transport.</summary>
    public bool CloseNotifySent { get; private set; }

    /// <summary>True once the peer's close_notify arrived.</summary>
    public bool CloseNotifyReceived { get; private set; }

    /// <summary>Ciphertext received from the network and not yet decrypted (grows while receiving is paused).</summary>
    public int BufferedCiphertextBytes => _bio.BufferedBytes;

    /// <summary>Plaintext written and not yet encrypted: queued during the handshake, or behind a write in progress.</summary>
    public int PendingPlaintextBytes => _outbound.PendingBytes;

    /// <summary>True between <see cref="PauseReceiving"/> and <see cref="ResumeReceiving"/>.</summary>
    public bool IsReceivingPaused => _receivingPaused;

    bool ITlsBioOwner.IsOnEngineThread => Environment.CurrentManagedThreadId == _engineThreadId;

    private bool IsFinished => _disposed || State is TlsEngineState.Failed or TlsEngineState.Closed;

    private TlsProtocolVersion MinVersion => _clientOptions?.MinVersion ?? _serverOptions!.MinVersion;

    private TlsProtocolVersion MaxVersion => _clientOptions?.MaxVersion ?? _serverOptions!.MaxVersion;

    /// <summary>Creates a client engine; call <see cref="Start"/> to send the ClientHello.</summary>
    /// <param name="host">Receives the engine's output.</param>
    /// <param name="options">How to connect.</param>
    /// <param name="timeProvider">The clock for handshake timing and certificate validity; defaults to the system clock.</param>
    public static TlsEngine CreateClient(ITlsEngineHost host, TlsClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TlsEngine(host, TlsRole.Client, timeProvider, options, null);
    }

    /// <summary>Creates a server engine; call <see cref="Start"/> to wait for the ClientHello.</summary>
    /// <param name="host">Receives the engine's output.</param>
    /// <param name="options">How to answer.</param>
    /// <param name="timeProvider">The clock for handshake timing and certificate validity; defaults to the system clock.</param>
    public static TlsEngine CreateServer(ITlsEngineHost host, TlsServerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new TlsEngine(host, TlsRole.Server, timeProvider, null, options);
    }

    /// <summary>
    /// Begins the handshake and binds the engine to the calling thread. A client sends its ClientHello
    /// (through <see cref="ITlsEngineHost.SendCiphertext"/>) before this returns.
    /// </summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (State != TlsEngineState.NotStarted)
        {
            throw new InvalidOperationException("The TLS engine was already started.");
        }

        _engineThreadId = Environment.CurrentManagedThreadId;
        State = TlsEngineState.Handshaking;
        _startTimestamp = _time.GetTimestamp();
        _verificationTime = _time.GetUtcNow();
        _ = RunAsync();
    }

    /// <summary>
    /// Feeds bytes that arrived from the network. Callbacks (handshake progress, plaintext, failure) happen
    /// inside this call. Bytes after a failure or a close are ignored.
    /// </summary>
    /// <param name="ciphertext">The bytes, in arrival order; copied before the call returns.</param>
    public void ReceiveCiphertext(ReadOnlySpan<byte> ciphertext)
    {
        CheckThread();
        if (IsFinished || _transportClosed || CloseNotifyReceived || ciphertext.IsEmpty)
        {
            return;
        }

        if (State == TlsEngineState.Handshaking)
        {
            _observer.ObserveInbound(ciphertext);
            if (_observer.NonTls is { } nonTls)
            {
                Fail(TlsFailureClassifier.PlaintextPeer(nonTls, CreateEvidence()));
                return;
            }
        }

        _bio.AppendInbound(ciphertext);
        if (!_receivingPaused || State == TlsEngineState.Handshaking)
        {
            Pump();
        }
    }

    /// <summary>
    /// Sends application data. Before the handshake completes it is queued and sent right after
    /// <see cref="ITlsEngineHost.HandshakeCompleted"/>. After <see cref="Shutdown"/> or a failure it is
    /// dropped, as Twisted drops writes after <c>loseConnection</c>.
    /// </summary>
    /// <param name="plaintext">The data; copied before the call returns.</param>
    public void WritePlaintext(ReadOnlySpan<byte> plaintext)
    {
        CheckThread();
        if (plaintext.IsEmpty || IsFinished || _shutdownRequested)
        {
            return;
        }

        _outbound.Append(plaintext);
        if (State == TlsEngineState.Established)
        {
            StartFlush();
        }
    }

    /// <summary>
    /// Sends close_notify after everything written so far (after the handshake, if it is still running).
    /// The transport should close once the peer answers with its own close_notify or hangs up.
    /// </summary>
    public void Shutdown()
    {
        CheckThread();
        if (IsFinished || _shutdownRequested)
        {
            return;
        }

        _shutdownRequested = true;
        if (State == TlsEngineState.Established)
        {
            StartFlush();
        }
    }

    /// <summary>
    /// The network side ended: EOF when <paramref name="error"/> is null, otherwise the error (e.g. a reset).
    /// During the handshake this fails with <see cref="TlsFailureKind.PeerClosedDuringHandshake"/>; after it,
    /// without the peer's close_notify, with <see cref="TlsFailureKind.TruncatedClose"/> (unless this side
    /// had already sent close_notify, which makes the peer's hang-up the expected end).
    /// </summary>
    /// <remarks>While receiving is paused the end is reported after <see cref="ResumeReceiving"/>, behind the buffered data.</remarks>
    /// <param name="error">Why the transport ended, or null for a clean EOF.</param>
    public void TransportClosed(Exception? error = null)
    {
        CheckThread();
        if (_transportClosed)
        {
            return;
        }

        _transportClosed = true;
        _transportError = error;
        if (IsFinished)
        {
            return;
        }

        if (CloseNotifyReceived)
        {
            State = TlsEngineState.Closed;
            return;
        }

        _bio.SetEndOfStream();
        if (!_receivingPaused || State == TlsEngineState.Handshaking)
        {
            Pump();
        }
    }

    /// <summary>Stops <see cref="ITlsEngineHost.PlaintextReceived"/> calls; received ciphertext is buffered (the handshake still proceeds).</summary>
    public void PauseReceiving()
    {
        CheckThread();
        _receivingPaused = true;
    }

    /// <summary>Resumes plaintext delivery, starting with what was buffered while paused.</summary>
    public void ResumeReceiving()
    {
        CheckThread();
        if (!_receivingPaused)
        {
            return;
        }

        _receivingPaused = false;
        ReleasePausedReadLoop();
        Pump();
    }

    /// <summary>
    /// Releases the SslStream. No callbacks happen during or after disposal. Call it on the engine's thread
    /// once the transport is done.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (_engineThreadId != 0)
        {
            CheckThread();
        }

        _disposed = true;
        _outbound.Clear();
        _bio.CloseForEngine();
        ReleasePausedReadLoop();

        // Completing the pending read lets SslStream's operation end; the engine's own continuations see
        // _disposed and return without calling the host.
        Pump();
        _ssl.Dispose();
    }

    void ITlsBioOwner.CiphertextOut(ReadOnlySpan<byte> ciphertext)
    {
        if (State == TlsEngineState.Handshaking)
        {
            _observer.ObserveOutbound(ciphertext);
        }

        _host.SendCiphertext(ciphertext);
    }

    void ITlsBioOwner.PostPump() => _host.Post(() =>
    {
        if (!_disposed)
        {
            Pump();
        }
    });

    void ITlsBioOwner.Post(Action action) => _host.Post(action);

    private static SslProtocols ProtocolsBetween(TlsProtocolVersion min, TlsProtocolVersion max)
    {
        var protocols = SslProtocols.None;
        if (min <= TlsProtocolVersion.Tls12 && max >= TlsProtocolVersion.Tls12)
        {
            protocols |= SslProtocols.Tls12;
        }

        if (max >= TlsProtocolVersion.Tls13)
        {
            protocols |= SslProtocols.Tls13;
        }

        return protocols;
    }

    private void CheckThread()
    {
        if (_engineThreadId == 0)
        {
            throw new InvalidOperationException("Call Start before feeding the TLS engine.");
        }

        if (Environment.CurrentManagedThreadId != _engineThreadId)
        {
            throw new InvalidOperationException(
                "A TlsEngine is driven from the thread that started it; use the reactor's CallFromThread to reach it.");
        }
    }

    /// <summary>Serves SslStream's pending read for as long as there is something to serve; re-entrant calls join the running loop.</summary>
    private void Pump()
    {
        if (_pumping)
        {
            return;
        }

        _pumping = true;
        try
        {
            while (_bio.TryCompletePendingRead())
            {
            }
        }
        finally
        {
            _pumping = false;
        }
    }

    private EngineThreadAwaitable BackToEngineThread() => new(this);

    /// <summary>Wakes a read loop parked by <see cref="PauseReceiving"/>; it carries on, or ends if the engine is finished.</summary>
    private void ReleasePausedReadLoop()
    {
        if (_resumeReceiving is { } waiting)
        {
            _resumeReceiving = null;
            waiting.SetResult();
        }
    }

    private void Fail(TlsFailure failure)
    {
        if (IsFinished)
        {
            return;
        }

        State = TlsEngineState.Failed;
        Failure = failure;
        _outbound.Clear();
        _bio.CloseForEngine();
        ReleasePausedReadLoop();
        Pump();
        _host.Failed(failure);
    }
}
