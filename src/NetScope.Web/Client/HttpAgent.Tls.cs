using NetScope.Core.Defer;
using NetScope.Web.Client.Connections;

namespace NetScope.Web.Client;

/// <content>TLS to the origin: the one place https plugs into the connection.</content>
public sealed partial class HttpAgent
{
    /// <summary>Starts TLS on a connected (or tunnelled) connection and waits for the handshake.</summary>
    private static Deferred StartTls(HttpClientProtocol protocol, HttpConnectionKey key, HttpExchange exchange) =>
        Deferred.Fail(new NotSupportedException($"https://{key.Host} needs the TLS layer, which this build does not have yet"));
}
