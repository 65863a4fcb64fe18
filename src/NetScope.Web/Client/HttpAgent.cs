using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Reactor;
using NetScope.Web.Client.Connections;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// The HTTP/1.1 client on the reactor (Twisted's <c>Agent</c>): connects (through a proxy and TLS as configured),
/// reuses kept-alive connections from its <see cref="HttpConnectionPool"/>, sends one request per connection at a
/// time and hands back the response as soon as its head has arrived. Use it on the reactor thread.
/// </summary>
/// <remarks>
/// Redirects are not followed (wrap it in a <see cref="RedirectAgent"/>) and bodies are not decoded (wrap it in a
/// <see cref="ContentDecoderAgent"/>). Every request records its phase timings in <see cref="HttpResponse.Timings"/>.
/// </remarks>
public sealed partial class HttpAgent : IHttpAgent
{
    /// <summary>Creates an agent.</summary>
    /// <param name="reactor">The reactor to connect through.</param>
    /// <param name="options">Connections, proxy and defaults; <see langword="null"/> for the defaults.</param>
    public HttpAgent(IReactor reactor, HttpAgentOptions? options = null)
    {
        Reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Options = options ?? new HttpAgentOptions();
        Pool = Options.Pool ?? new HttpConnectionPool(reactor);
    }

    /// <summary>The reactor the agent works on.</summary>
    public IReactor Reactor { get; }

    /// <summary>The agent's settings.</summary>
    public HttpAgentOptions Options { get; }

    /// <summary>The pool of idle connections.</summary>
    public HttpConnectionPool Pool { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">
    /// The method is not a token or is CONNECT (the agent opens tunnels itself), a header is invalid, or HTTP/1.0
    /// was asked for with a body of unknown length.
    /// </exception>
    public Deferred<HttpResponse> Request(
        string method, HttpUrl url, HttpHeaders? headers = null, HttpRequestBody? body = null, HttpExchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        options ??= HttpExchangeOptions.Default;
        var key = KeyFor(url);
        var (sent, head, connectionClose) = BuildRequest(method, url, headers, body, key);
        var exchange = new HttpExchange(Reactor, key, sent, head, body, options, connectionClose) { Retry = RetryOnFreshConnection };
        exchange.StartTimer();
        Send(exchange, fresh: false);
        return exchange.Response;
    }

    private static bool IsIdempotent(string method) => method is HttpMethods.Get or HttpMethods.Head or HttpMethods.Options
        or HttpMethods.Trace or HttpMethods.Put or HttpMethods.Delete;

    /// <summary>Which connections can carry a request for <paramref name="url"/>.</summary>
    private HttpConnectionKey KeyFor(HttpUrl url)
    {
        var proxy = Options.Proxy;
        if (proxy is null)
        {
            return new HttpConnectionKey(url.Scheme, url.Host, url.Port, null, 0);
        }

        return url.IsHttps || proxy.TunnelAll
            ? new HttpConnectionKey(url.Scheme, url.Host, url.Port, proxy.Host, proxy.Port)
            : new HttpConnectionKey("proxy", string.Empty, 0, proxy.Host, proxy.Port);
    }

    /// <summary>Puts the request on a connection: an idle one from the pool unless <paramref name="fresh"/>, else a new one.</summary>
    private void Send(HttpExchange exchange, bool fresh)
    {
        if (!fresh && Pool.TryTake(exchange.Key, out var idle))
        {
            exchange.Reused = true;
            exchange.Timings.ConnectionReused = true;
            Dispatch(exchange, idle, reused: true);
            return;
        }

        exchange.Reused = false;
        exchange.Timings.ConnectionReused = false;
        Deferred<HttpClientProtocol> connecting;
        using (ObservationScope.Enter(exchange.Scope))
        {
            connecting = Connect(exchange.Key, exchange);
        }

        connecting.AddCallbacks(
            result =>
            {
                exchange.SetConnecting(null);
                var protocol = (HttpClientProtocol)result!;
                if (exchange.Ended)
                {
                    Pool.Put(protocol);
                }
                else
                {
                    Dispatch(exchange, protocol, reused: false);
                }

                return null;
            },
            failure =>
            {
                exchange.SetConnecting(null);
                exchange.FailBeforeResponse(failure.Value, retryable: false);
                return null;
            });
    }

    private void Dispatch(HttpExchange exchange, HttpClientProtocol protocol, bool reused)
    {
        protocol.Reusable = Pool.Put;
        exchange.Options.Observer?.ConnectionReady(protocol.Transport, reused);
        protocol.Request(exchange);
    }

    /// <summary>Sends a request again on a fresh connection after a reused one closed under it (once, when that is safe).</summary>
    private bool RetryOnFreshConnection(HttpExchange exchange)
    {
        var body = exchange.Body;
        if (!Pool.RetryAutomatically || exchange.Retried || !IsIdempotent(exchange.Request.Method) || (body is not null && !body.IsReplayable))
        {
            return false;
        }

        exchange.Retried = true;
        exchange.Timings.Clear(HttpPhase.RequestSent);
        Send(exchange, fresh: true);
        return true;
    }
}
