using NetScope.Core.Transports;

namespace NetScope.Core.Tls;

/// <summary>
/// A plaintext transport that can switch to TLS in place (STARTTLS, Twisted's <c>ITLSTransport.startTLS</c>).
/// After <see cref="StartTls(TlsClientOptions, TlsLayerOptions?)"/> the protocol keeps its transport: what
/// it writes is encrypted, what arrives is decrypted before <c>DataReceived</c>, and <c>LoseConnection</c>
/// sends close_notify first. Bytes written before the call go out in plaintext, ahead of the handshake.
/// </summary>
/// <remarks>Call it on the reactor thread, while the connection is open in both directions.</remarks>
public interface ITlsUpgradable : ITransport
{
    /// <summary>The TLS layer once <c>StartTls</c> was called, else <see langword="null"/>.</summary>
    ITlsTransport? Tls { get; }

    /// <summary>Starts a TLS handshake as the client (the ClientHello goes out before this returns).</summary>
    /// <param name="options">How to connect and what to verify.</param>
    /// <param name="layer">The handshake time limit and clock; <see cref="TlsLayerOptions.Default"/> when null.</param>
    /// <returns>The TLS layer, for its session details and <see cref="ITlsTransport.NotifyHandshakeCompleted"/>.</returns>
    /// <exception cref="InvalidOperationException">TLS was already started, or the connection is closing.</exception>
    ITlsTransport StartTls(TlsClientOptions options, TlsLayerOptions? layer = null);

    /// <summary>Starts a TLS handshake as the server (it waits for the peer's ClientHello).</summary>
    /// <param name="options">The certificate and what to accept.</param>
    /// <param name="layer">The handshake time limit and clock; <see cref="TlsLayerOptions.Default"/> when null.</param>
    /// <returns>The TLS layer, for its session details and <see cref="ITlsTransport.NotifyHandshakeCompleted"/>.</returns>
    /// <exception cref="InvalidOperationException">TLS was already started, or the connection is closing.</exception>
    ITlsTransport StartTls(TlsServerOptions options, TlsLayerOptions? layer = null);
}
