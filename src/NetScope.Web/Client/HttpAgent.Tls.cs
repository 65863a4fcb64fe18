using NetScope.Core.Defer;
using NetScope.Core.Tls;
using NetScope.Web.Client.Connections;

namespace NetScope.Web.Client;

/// <content>TLS to the origin: the one place https plugs into the connection (after TCP, or after the CONNECT tunnel).</content>
public sealed partial class HttpAgent
{
    private readonly Dictionary<string, TlsClientOptions> _tlsOptions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The options https connections to <paramref name="host"/> use; one instance per host, so their caches are shared.</summary>
    private TlsClientOptions TlsOptionsFor(string host)
    {
        if (!_tlsOptions.TryGetValue(host, out var options))
        {
            options = Options.Tls?.Invoke(host) ?? HttpAgentOptions.DefaultTls(host);
            _tlsOptions[host] = options;
        }

        return options;
    }

    /// <summary>Starts TLS in place on the connection and waits for the handshake (STARTTLS-style, so a tunnel works the same).</summary>
    private Deferred StartTls(HttpClientProtocol protocol, HttpConnectionKey key, HttpExchange exchange)
    {
        if (protocol.Transport is not ITlsUpgradable upgradable)
        {
            return Deferred.Fail(new NotSupportedException($"the connection to {key.ConnectHost} cannot start TLS"));
        }

        ITlsTransport tls;
        try
        {
            tls = upgradable.StartTls(TlsOptionsFor(key.Host), Options.TlsLayer);
        }
        catch (InvalidOperationException exception)
        {
            // The server closed the connection in the meantime.
            return Deferred.Fail(exception);
        }

        var handshake = tls.NotifyHandshakeCompleted().WithLabel($"TLS handshake with {Describe(key.Host, key.Port)}");
        exchange.SetConnecting(handshake);
        return handshake.AddCallback(_ =>
        {
            exchange.Mark(HttpPhase.Tls);
            return null;
        });
    }
}
