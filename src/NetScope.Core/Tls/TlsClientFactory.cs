using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Tls.Layer;

namespace NetScope.Core.Tls;

/// <summary>
/// Connects any client factory over TLS (Twisted's <c>TLSMemoryBIOFactory</c> on the client side): the
/// connection gets a TLS layer whose transport is what the wrapped factory's protocol sees, and the wrapped
/// factory hears how connecting went. Pass it to <c>ConnectTcp</c>, or use
/// <see cref="TlsReactorExtensions.ConnectSsl"/>.
/// </summary>
public sealed class TlsClientFactory : ClientFactory
{
    private readonly IReactor _reactor;

    /// <summary>Wraps <paramref name="wrapped"/>.</summary>
    /// <param name="reactor">The reactor the connection runs on.</param>
    /// <param name="options">How to connect and what to verify.</param>
    /// <param name="wrapped">Builds the application protocol and hears about the attempt.</param>
    /// <param name="layer">The handshake time limit and clock; <see cref="TlsLayerOptions.Default"/> when null.</param>
    public TlsClientFactory(IReactor reactor, TlsClientOptions options, ClientFactory wrapped, TlsLayerOptions? layer = null)
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        WrappedFactory = wrapped ?? throw new ArgumentNullException(nameof(wrapped));
        Layer = layer ?? TlsLayerOptions.Default;
    }

    /// <summary>The client options the connection uses.</summary>
    public TlsClientOptions Options { get; }

    /// <summary>The factory of the protocol above TLS.</summary>
    public ClientFactory WrappedFactory { get; }

    /// <summary>The layer settings the connection uses.</summary>
    public TlsLayerOptions Layer { get; }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address)
    {
        var application = WrappedFactory.BuildProtocol(address);
        return application is null ? null : TlsConnection.CreateClient(_reactor, Options, Layer, application);
    }

    /// <inheritdoc/>
    public override void StartedConnecting(IConnector connector) => WrappedFactory.StartedConnecting(connector);

    /// <inheritdoc/>
    public override void ClientConnectionFailed(IConnector connector, Failure reason) => WrappedFactory.ClientConnectionFailed(connector, reason);

    /// <inheritdoc/>
    public override void ClientConnectionLost(IConnector connector, Failure reason) => WrappedFactory.ClientConnectionLost(connector, reason);

    /// <inheritdoc/>
    protected override void StartFactory() => WrappedFactory.DoStart();

    /// <inheritdoc/>
    protected override void StopFactory() => WrappedFactory.DoStop();
}
