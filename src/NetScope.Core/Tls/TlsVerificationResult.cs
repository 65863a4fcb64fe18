namespace NetScope.Core.Tls;

/// <summary>What the check of the peer's certificate found, whether or not it stopped the handshake.</summary>
public sealed record TlsVerificationResult
{
    /// <summary>The result before any check ran.</summary>
    public static TlsVerificationResult NotPerformed { get; } = new()
    {
        Status = TlsVerificationStatus.NotPerformed,
        Problems = [],
        Reason = "certificate not checked",
        Enforced = false,
    };

    /// <summary>The most important finding: <see cref="TlsVerificationStatus.Trusted"/> when there is none.</summary>
    public required TlsVerificationStatus Status { get; init; }

    /// <summary>Every problem found, most important first; empty when trusted.</summary>
    public required IReadOnlyList<TlsVerificationStatus> Problems { get; init; }

    /// <summary>One line for humans, e.g. <c>certificate has expired (not after 2021-01-01 00:00:00Z)</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// True when a problem would fail the handshake. False in insecure mode and on a server, which
    /// reports client certificates without judging them.
    /// </summary>
    public required bool Enforced { get; init; }

    /// <summary>True when pins were configured and the leaf matched one.</summary>
    public bool PinMatched { get; init; }

    /// <summary>
    /// The path the platform built from the leaf towards a trust anchor (as far as it got), leaf first. It may
    /// hold certificates the peer did not send (a root from the trust store) and lack ones it did; what the
    /// peer sent is the status's <c>PeerCertificates</c>.
    /// </summary>
    public IReadOnlyList<TlsCertificateInfo> VerifiedPath { get; init; } = [];

    /// <summary>The platform's chain status lines (e.g. <c>UntrustedRoot: self-signed certificate</c>), for detail views.</summary>
    public IReadOnlyList<string> ChainStatus { get; init; } = [];

    /// <summary>True when <see cref="Status"/> is <see cref="TlsVerificationStatus.Trusted"/>.</summary>
    public bool IsTrusted => Status == TlsVerificationStatus.Trusted;
}
