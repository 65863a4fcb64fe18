using System.Net.Security;

namespace NetScope.Core.Tls;

/// <summary>What a completed handshake negotiated, as the engine saw it.</summary>
public sealed record TlsSessionInfo
{
    /// <summary>Which side this engine played.</summary>
    public required TlsRole Role { get; init; }

    /// <summary>The negotiated version.</summary>
    public required TlsProtocolVersion ProtocolVersion { get; init; }

    /// <summary>The negotiated cipher suite.</summary>
    public required TlsCipherSuite CipherSuite { get; init; }

    /// <summary>The negotiated ALPN protocol, or null when none was agreed.</summary>
    public required string? ApplicationProtocol { get; init; }

    /// <summary>The ALPN protocols the client's ClientHello offered, in its order (empty when none).</summary>
    public required IReadOnlyList<string> OfferedApplicationProtocols { get; init; }

    /// <summary>The SNI host name in the ClientHello: the one sent (client) or received (server); null when absent.</summary>
    public required string? ServerName { get; init; }

    /// <summary>
    /// True when the server accepted a session from an earlier connection, read from the ServerHello on the
    /// wire (TLS 1.3: a pre_shared_key extension; TLS 1.2: the client's session ID echoed back).
    /// </summary>
    public required bool Resumed { get; init; }

    /// <summary>
    /// True when the ClientHello offered a session from an earlier connection (a TLS 1.3 pre-shared key, a TLS 1.2
    /// ticket or session ID). Offered but not <see cref="Resumed"/> means the server declined it.
    /// </summary>
    public required bool ResumptionOffered { get; init; }

    /// <summary>From <see cref="TlsEngine.Start"/> to the end of the handshake, measured with the engine's clock.</summary>
    public required TimeSpan HandshakeDuration { get; init; }

    /// <summary>When the handshake completed, by the engine's clock.</summary>
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>The peer's certificates, leaf first, as the chain was built (empty when the peer sent none).</summary>
    public required IReadOnlyList<TlsCertificateInfo> PeerCertificates { get; init; }

    /// <summary>The verification outcome. In insecure mode (or on a server) it may report problems that did not stop the handshake.</summary>
    public required TlsVerificationResult Verification { get; init; }

    /// <summary>
    /// The ClientHello random as lower-case hex: the key that finds this connection's lines in an NSS key log
    /// (see <see cref="TlsKeyLog"/>). Null if the ClientHello could not be parsed.
    /// </summary>
    public required string? ClientRandom { get; init; }

    /// <summary>The protocol as OpenSSL and Wireshark print it: <c>TLSv1.2</c> or <c>TLSv1.3</c>.</summary>
    public string ProtocolName => ProtocolVersion == TlsProtocolVersion.Tls13 ? "TLSv1.3" : "TLSv1.2";
}
