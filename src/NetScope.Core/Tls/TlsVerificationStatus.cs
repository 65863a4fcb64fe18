namespace NetScope.Core.Tls;

/// <summary>The outcome of checking the peer's certificate, one value per kind of problem.</summary>
public enum TlsVerificationStatus
{
    /// <summary>No check ran (the handshake failed before a certificate arrived).</summary>
    NotPerformed,

    /// <summary>Every check passed.</summary>
    Trusted,

    /// <summary>The peer sent no certificate.</summary>
    NoCertificate,

    /// <summary>The chain does not end at a trusted root.</summary>
    UnknownIssuer,

    /// <summary>The certificate is not valid for the requested name.</summary>
    NameMismatch,

    /// <summary>A certificate in the chain has expired.</summary>
    Expired,

    /// <summary>A certificate in the chain is not valid yet.</summary>
    NotYetValid,

    /// <summary>The leaf matches none of the configured pins.</summary>
    PinMismatch,

    /// <summary>Another chain problem (signature, usage, revocation, policy).</summary>
    Invalid,
}
