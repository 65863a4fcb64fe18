using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Tls.Layer;

namespace NetScope.Core.Tls;

/// <summary>
/// Serves any protocol factory over TLS (Twisted's <c>TLSMemoryBIOFactory</c> on the server side): each
/// accepted connection gets a TLS layer whose transport is what the wrapped factory's protocol sees. Pass
/// it to <c>ListenTcp</c>, or use <see cref="TlsReactorExtensions.ListenSsl"/>.
/// </summary>
public sealed class TlsServerFactory : IProtocolFactory
{
    private readonly IReactor _reactor;

    /// <summary>Wraps <paramref name="wrapped"/>.</summary>
    /// <param name="reactor">The reactor the connections run on (for the handshake timer and the engine's thread hops).</param>
    /// <param name="options">The certificate and what to accept; shared by every connection.</param>
    /// <param name="wrapped">Builds the application protocols.</param>
    /// <param name="layer">The handshake time limit and clock; <see cref="TlsLayerOptions.Default"/> when null.</param>
    public TlsServerFactory(IReactor reactor, TlsServerOptions options, IProtocolFactory wrapped, TlsLayerOptions? layer = null)
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        WrappedFactory = wrapped ?? throw new ArgumentNullException(nameof(wrapped));
        Layer = layer ?? TlsLayerOptions.Default;
    }

    /// <summary>The server options every connection uses.</summary>
    public TlsServerOptions Options { get; }

    /// <summary>The factory of the protocols above TLS.</summary>
    public IProtocolFactory WrappedFactory { get; }

    /// <summary>The layer settings every connection uses.</summary>
    public TlsLayerOptions Layer { get; }

    /// <inheritdoc/>
    public IProtocol? BuildProtocol(EndPoint address)
    {
        var application = WrappedFactory.BuildProtocol(address);
        return application is null ? null : TlsConnection.CreateServer(_reactor, Options, Layer, application);
    }

    /// <inheritdoc/>
    public void DoStart() => WrappedFactory.DoStart();

    /// <inheritdoc/>
    public void DoStop() => WrappedFactory.DoStop();
}
