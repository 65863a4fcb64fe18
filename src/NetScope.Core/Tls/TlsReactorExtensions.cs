using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;

namespace NetScope.Core.Tls;

/// <summary>TLS servers and clients on any reactor (Twisted's <c>listenSSL</c> and <c>connectSSL</c>).</summary>
public static class TlsReactorExtensions
{
    /// <summary>
    /// Listens like <c>ListenTcp</c> and serves <paramref name="factory"/>'s protocols over TLS with
    /// <paramref name="options"/>.
    /// </summary>
    /// <param name="reactor">The reactor.</param>
    /// <param name="port">The port (0 picks a free one).</param>
    /// <param name="factory">Builds the protocols above TLS.</param>
    /// <param name="options">The certificate and what to accept.</param>
    /// <param name="layer">The handshake time limit and clock.</param>
    /// <param name="backlog">The listen backlog.</param>
    /// <param name="bindAddress">The address to bind ("" for all IPv4 addresses).</param>
    public static IListeningPort ListenSsl(
        this IReactor reactor, int port, IProtocolFactory factory, TlsServerOptions options, TlsLayerOptions? layer = null, int backlog = 511, string bindAddress = "")
    {
        ArgumentNullException.ThrowIfNull(reactor);
        return reactor.ListenTcp(port, new TlsServerFactory(reactor, options, factory, layer), backlog, bindAddress);
    }

    /// <summary>
    /// Connects like <c>ConnectTcp</c>, then runs <paramref name="factory"/>'s protocol over TLS with
    /// <paramref name="options"/>. The protocol's <c>ConnectionMade</c> comes when TCP connects; a failed
    /// handshake reaches its <c>ConnectionLost</c> as a <see cref="TlsFailureException"/>.
    /// </summary>
    /// <param name="reactor">The reactor.</param>
    /// <param name="host">A name or an IP literal.</param>
    /// <param name="port">The port.</param>
    /// <param name="factory">Builds the protocol above TLS and hears about the attempt.</param>
    /// <param name="options">How to connect and what to verify (set <see cref="TlsClientOptions.ServerName"/> for SNI and the name check).</param>
    /// <param name="timeoutSeconds">The TCP connect timeout.</param>
    /// <param name="layer">The handshake time limit and clock.</param>
    /// <param name="bindAddress">A local address to connect from.</param>
    public static IConnector ConnectSsl(
        this IReactor reactor, string host, int port, ClientFactory factory, TlsClientOptions options, double timeoutSeconds = 30, TlsLayerOptions? layer = null, IPEndPoint? bindAddress = null)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        return reactor.ConnectTcp(host, port, new TlsClientFactory(reactor, options, factory, layer), timeoutSeconds, bindAddress);
    }

    /// <summary>Wraps any listener's factory so that it serves over TLS: pass the result where the factory went.</summary>
    /// <param name="reactor">The reactor the listener runs on.</param>
    /// <param name="factory">The listener's factory.</param>
    /// <param name="options">The certificate (e.g. from <see cref="TlsListenerOptions.CreateServerOptions"/>).</param>
    /// <param name="layer">The handshake time limit and clock.</param>
    public static IProtocolFactory WrapForTls(this IReactor reactor, IProtocolFactory factory, TlsServerOptions options, TlsLayerOptions? layer = null) =>
        new TlsServerFactory(reactor, options, factory, layer);
}
