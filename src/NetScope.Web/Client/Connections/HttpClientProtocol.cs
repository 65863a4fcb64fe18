using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Tls;
using NetScope.Core.Transports;
using NetScope.Web.Http;

namespace NetScope.Web.Client.Connections;

/// <summary>
/// HTTP/1.1 on one client connection (Twisted's <c>HTTP11ClientProtocol</c>): one request at a time, its
/// response parsed as it arrives, the body streamed to the response with the connection's reading paused
/// whenever nobody reads. After a complete response on a persistent connection it goes idle and is handed
/// back for reuse; otherwise it closes.
/// </summary>
internal sealed partial class HttpClientProtocol : IProtocol, IHttpResponseHandler, Bodies.IResponseBodySource
{
    private readonly IReactorTime _clock;
    private readonly HttpParserOptions _parserOptions;
    private readonly List<Deferred> _closeWaiters = [];
    private HttpResponseParser _parser;
    private ITransport? _transport;
    private State _state = State.Connecting;
    private HttpExchange? _exchange;
    private bool _feeding;
    private Failure? _lostWhileFeeding;

    public HttpClientProtocol(IReactorTime clock, HttpParserOptions? parserOptions, HttpConnectionKey key)
    {
        _clock = clock;
        _parserOptions = parserOptions ?? HttpParserOptions.ResponseDefaults;
        _parser = new HttpResponseParser(this, _parserOptions);
        Key = key;
    }

    private enum State
    {
        Connecting,
        Idle,
        Busy,
        Closing,
        Closed,
    }

    /// <summary>Which requests this connection can carry.</summary>
    public HttpConnectionKey Key { get; }

    /// <summary>The connection's transport.</summary>
    public ITransport Transport => _transport ?? throw new InvalidOperationException("The HTTP connection is not connected yet.");

    /// <summary>Whether the connection is open and waiting for a request.</summary>
    public bool IsIdle => _state == State.Idle;

    /// <summary>Whether the connection has ended.</summary>
    public bool IsClosed => _state == State.Closed;

    /// <summary>Called when a response completed and the connection can carry another request.</summary>
    public Action<HttpClientProtocol>? Reusable { get; set; }

    /// <summary>Called when the connection closes (or misbehaves) while idle; set by the pool that holds it.</summary>
    public Action<HttpClientProtocol>? IdleLost { get; set; }

    /// <inheritdoc/>
    public void MakeConnection(ITransport transport)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        ConnectionMade();
    }

    /// <inheritdoc/>
    public void ConnectionMade()
    {
        if (_state == State.Connecting)
        {
            _state = State.Idle;
        }
    }

    /// <summary>A Deferred that fires once the connection has closed.</summary>
    public Deferred WhenClosed()
    {
        var waiter = new Deferred().WithLabel($"close of {Key}");
        if (_state == State.Closed)
        {
            waiter.Callback(null);
        }
        else
        {
            _closeWaiters.Add(waiter);
        }

        return waiter;
    }

    /// <summary>Closes an idle connection.</summary>
    public void Close()
    {
        if (_state == State.Idle)
        {
            _state = State.Closing;
            _transport?.LoseConnection();
        }
    }

    /// <summary>Aborts the connection for <paramref name="exchange"/>, which fails with its abort reason.</summary>
    public void Abort(HttpExchange exchange)
    {
        if (ReferenceEquals(_exchange, exchange) && _state == State.Busy)
        {
            _transport?.AbortConnection();
        }
    }

    /// <inheritdoc/>
    public void ConnectionLost(Failure reason)
    {
        if (_feeding)
        {
            // A transport that reports the loss from inside our own call: finish parsing first.
            _lostWhileFeeding = reason;
            return;
        }

        Lost(reason);
    }

    /// <inheritdoc/>
    public override string ToString() => $"HttpClientProtocol {Key} {_state}";

    private void Lost(Failure reason)
    {
        var previous = _state;
        _state = State.Closed;
        var exchange = _exchange;
        if (previous == State.Busy && exchange is not null)
        {
            using (ObservationScope.Enter(exchange.Scope))
            {
                ExchangeLost(exchange, reason);
            }
        }
        else if (previous == State.Idle)
        {
            IdleLost?.Invoke(this);
        }

        IdleLost = null;
        Reusable = null;
        var waiters = _closeWaiters.ToArray();
        _closeWaiters.Clear();
        foreach (var waiter in waiters)
        {
            waiter.Callback(null);
        }
    }

    /// <summary>What a lost connection means for a request that got no response byte at all.</summary>
    private static Exception NoResponse(Failure reason) =>
        IsClose(reason) ? new HttpResponseException("the server closed the connection without sending a response") : reason.Value;

    /// <summary>
    /// Whether the server closed the connection rather than broke it: a clean close, or TLS ending without
    /// close_notify, which HTTP/1.1 servers commonly do and which the message framing judges instead (as curl
    /// does); a body that runs until the close is then taken as complete.
    /// </summary>
    private static bool IsClose(Failure reason) =>
        reason.Value is ConnectionDoneException or TlsFailureException { Failure.Kind: TlsFailureKind.TruncatedClose };
}
