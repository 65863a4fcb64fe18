namespace NetScope.Core.Tls;

/// <summary>
/// A copy of a TLS connection's state at one moment, for views and reports (from
/// <see cref="ITlsTransport.GetStatus"/>). Immutable: safe to hand to another thread.
/// </summary>
public sealed record TlsStatus
{
    /// <summary>Which side of the handshake this end plays.</summary>
    public required TlsRole Role { get; init; }

    /// <summary>Where the TLS layer is.</summary>
    public required TlsEngineState State { get; init; }

    /// <summary>
    /// How long the handshake took (once done) or has taken so far (while running, on the reactor's clock).
    /// </summary>
    public required TimeSpan HandshakeElapsed { get; init; }

    /// <summary>The SNI name this client sends (null for a server, or when none is sent: no name, or an IP literal).</summary>
    public required string? ServerNameSent { get; init; }

    /// <summary>The SNI name the client's ClientHello carried, as this server saw it (null for a client or before the handshake completes).</summary>
    public required string? ServerNameReceived { get; init; }

    /// <summary>What the handshake negotiated; null until it completes.</summary>
    public required TlsSessionInfo? Session { get; init; }

    /// <summary>Why TLS ended the connection; null unless it did.</summary>
    public required TlsFailure? Failure { get; init; }

    /// <summary>The peer's certificates, leaf first: from the session, or from the failure when the check refused them.</summary>
    public required IReadOnlyList<TlsCertificateInfo> PeerCertificates { get; init; }

    /// <summary>The certificate check's result, or <see cref="TlsVerificationResult.NotPerformed"/>.</summary>
    public required TlsVerificationResult Verification { get; init; }

    /// <summary>True once this side's close_notify went out.</summary>
    public required bool CloseNotifySent { get; init; }

    /// <summary>True once the peer's close_notify arrived.</summary>
    public required bool CloseNotifyReceived { get; init; }
}
