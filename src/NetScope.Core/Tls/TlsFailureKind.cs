namespace NetScope.Core.Tls;

/// <summary>
/// What went wrong, sorted so a front end can print one line and pick a distinct exit code for each value.
/// </summary>
public enum TlsFailureKind
{
    /// <summary>The peer's certificate does not chain to a trusted root (self-signed, or issued by an unknown CA).</summary>
    UnknownIssuer = 1,

    /// <summary>The certificate is not valid for the requested server name; <see cref="TlsFailure.Message"/> lists the names it has.</summary>
    NameMismatch,

    /// <summary>A certificate in the chain is past its NotAfter date.</summary>
    CertificateExpired,

    /// <summary>A certificate in the chain is before its NotBefore date.</summary>
    CertificateNotYetValid,

    /// <summary>Pins were configured and the leaf certificate matches none of them.</summary>
    CertificatePinMismatch,

    /// <summary>Any other certificate problem: no certificate, bad signature, wrong key usage, revoked.</summary>
    CertificateInvalid,

    /// <summary>Client and server have no TLS version in common.</summary>
    ProtocolVersionMismatch,

    /// <summary>Client and server have no cipher suite (or key-exchange group, or signature algorithm) in common.</summary>
    NoSharedCipher,

    /// <summary>The peer answered with something that is not TLS (an HTTP response, an SSH banner, a mail greeting).</summary>
    PlaintextPeer,

    /// <summary>The connection closed or was reset before the handshake finished.</summary>
    PeerClosedDuringHandshake,

    /// <summary>Any other handshake failure; the message carries the platform's reason.</summary>
    HandshakeFailed,

    /// <summary>The connection closed after the handshake without the peer's close_notify: the data may be cut short.</summary>
    TruncatedClose,

    /// <summary>A TLS error after the handshake (bad record, decryption failure, unexpected alert).</summary>
    ConnectionError,

    /// <summary>
    /// The handshake did not finish within the time the TLS layer allows (<see cref="TlsLayerOptions.HandshakeTimeoutSeconds"/>):
    /// the peer went silent, or answers too slowly. Reported by the layer, not the engine.
    /// </summary>
    HandshakeTimeout,
}
