namespace NetScope.Core.Tls;

/// <summary>
/// Implemented by a protocol that wants to hear when the TLS handshake under it completes (Twisted's
/// <c>IHandshakeListener</c>). The protocol's <c>ConnectionMade</c> comes first, as soon as the
/// connection exists; data it writes before the handshake completes is sent right after it.
/// </summary>
public interface ITlsHandshakeListener
{
    /// <summary>The handshake completed; <see cref="ITlsTransport.Session"/> says what was negotiated.</summary>
    /// <param name="transport">The TLS transport the protocol talks through.</param>
    void HandshakeCompleted(ITlsTransport transport);
}
