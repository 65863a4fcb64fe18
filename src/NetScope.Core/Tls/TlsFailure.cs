namespace NetScope.Core.Tls;

/// <summary>
/// Why an engine stopped. <see cref="Kind"/> picks the exit code; <see cref="Message"/> is the one line to print.
/// </summary>
public sealed record TlsFailure
{
    /// <summary>The category.</summary>
    public required TlsFailureKind Kind { get; init; }

    /// <summary>One line for humans, with the specifics (names, dates, the bytes the peer sent).</summary>
    public required string Message { get; init; }

    /// <summary>True when the failure happened before the handshake completed.</summary>
    public required bool DuringHandshake { get; init; }

    /// <summary>The certificate check's findings, for the certificate kinds (and whenever a check ran).</summary>
    public TlsVerificationResult? Verification { get; init; }

    /// <summary>The peer's certificates when they arrived before the failure, leaf first.</summary>
    public IReadOnlyList<TlsCertificateInfo> PeerCertificates { get; init; } = [];

    /// <summary>The TLS alert involved, as RFC 8446 names it (e.g. <c>protocol_version</c>), when one was seen.</summary>
    public string? Alert { get; init; }

    /// <summary>True when <see cref="Alert"/> came from the peer, false when this side sent it.</summary>
    public bool AlertFromPeer { get; init; }

    /// <summary>For <see cref="TlsFailureKind.PlaintextPeer"/>: the first bytes the peer sent (at most 64).</summary>
    public ReadOnlyMemory<byte> PeerPrefix { get; init; }

    /// <summary>The platform exception behind the failure, if any, for detail views.</summary>
    public Exception? Exception { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
