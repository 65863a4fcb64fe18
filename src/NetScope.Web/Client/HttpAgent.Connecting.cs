using System.Globalization;
using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;
using NetScope.Web.Client.Connections;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <content>Making a connection ready for requests: TCP, then a CONNECT tunnel through the proxy, then TLS.</content>
public sealed partial class HttpAgent
{
    /// <summary>
    /// Connects for <paramref name="key"/>. Each step's Deferred is handed to the exchange while it runs, so that
    /// giving up the request cancels the step in progress (and the method fails with what that step failed with).
    /// </summary>
    private async Deferred<HttpClientProtocol> Connect(HttpConnectionKey key, HttpExchange exchange)
    {
        var protocol = new HttpClientProtocol(Reactor, Options.ParserOptions, key);
        var destination = Describe(key.ConnectHost, key.ConnectPort);
        var connecting = new ClientCreator(Reactor, () => protocol)
            .ConnectTcp(key.ConnectHost, key.ConnectPort, Options.ConnectTimeoutSeconds)
            .WithLabel($"connect {destination}");
        exchange.SetConnecting(connecting);
        await connecting;
        exchange.MarkConnected(protocol.Transport.Stats);
        try
        {
            // Each step hands the exchange its own Deferred while it runs, and starts in the request's scope: what
            // it creates (the CONNECT exchange, the TLS layer and its transport) belongs to the request.
            if (key.Tunnel)
            {
                Deferred tunnel;
                using (ObservationScope.Enter(exchange.Scope))
                {
                    tunnel = OpenTunnel(protocol, key, exchange);
                }

                await tunnel;
            }

            if (key.Tls)
            {
                Deferred handshake;
                using (ObservationScope.Enter(exchange.Scope))
                {
                    handshake = StartTls(protocol, key, exchange);
                }

                await handshake;
            }
        }
        catch (Exception)
        {
            protocol.Transport.AbortConnection();
            throw;
        }

        return protocol;
    }

    /// <summary>Asks the proxy for a tunnel to the origin with CONNECT; fails with <see cref="HttpTunnelException"/> unless it answers 2xx.</summary>
    private async Deferred OpenTunnel(HttpClientProtocol protocol, HttpConnectionKey key, HttpExchange exchange)
    {
        var authority = Describe(key.Host, key.Port);
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.Host, authority);
        if (Options.UserAgent is { } userAgent)
        {
            headers.Add(HttpHeaderNames.UserAgent, userAgent);
        }

        if (Options.Proxy?.Authorization is { } authorization)
        {
            headers.Add(HttpHeaderNames.ProxyAuthorization, authorization);
        }

        var sent = new HttpSentRequest(HttpMethods.Connect, exchange.Request.Url, authority, Options.Version, headers);
        var options = new HttpExchangeOptions
        {
            Observer = exchange.Options.Observer is { } observer ? new TunnelObserver(observer) : null,
        };
        var tunnel = new HttpExchange(Reactor, key, sent, WriteHead(sent), null, options, connectionClose: false);
        tunnel.Response.Label = $"CONNECT {authority}";
        protocol.Request(tunnel);
        exchange.SetConnecting(tunnel.Response);
        var response = await tunnel.Response;
        if (response.StatusCode is < 200 or > 299)
        {
            throw new HttpTunnelException(authority, response.StatusCode, response.ReasonPhrase);
        }
    }

    /// <summary><c>host:port</c>, with brackets around an IPv6 address (and without its zone).</summary>
    private static string Describe(string host, int port)
    {
        if (host.Contains(':', StringComparison.Ordinal))
        {
            var percent = host.IndexOf('%', StringComparison.Ordinal);
            return string.Create(CultureInfo.InvariantCulture, $"[{(percent < 0 ? host : host[..percent])}]:{port}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");
    }

    /// <summary>Shows the CONNECT exchange's bytes to the request's observer, but not its phases (they are the request's own).</summary>
    private sealed class TunnelObserver : IHttpExchangeObserver
    {
        private readonly IHttpExchangeObserver _inner;

        public TunnelObserver(IHttpExchangeObserver inner)
        {
            _inner = inner;
        }

        public void ConnectionReady(ITransport transport, bool reused)
        {
        }

        public void PhaseReached(HttpPhase phase, double secondsSinceStart)
        {
        }

        public void RequestHeadSent(ReadOnlySpan<byte> head) => _inner.RequestHeadSent(head);

        public void RequestBodySent(ReadOnlySpan<byte> data) => _inner.RequestBodySent(data);

        public void ResponseDataReceived(ReadOnlySpan<byte> data) => _inner.ResponseDataReceived(data);

        public void ResponseHeadReceived(HttpResponseHead head) => _inner.ResponseHeadReceived(head);

        public void Finished(Exception? error)
        {
        }
    }
}
