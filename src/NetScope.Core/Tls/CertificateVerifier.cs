using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// Turns what SslStream's validation callback receives (chain, policy errors) plus the engine's own rules
/// (pins) into a <see cref="TlsVerificationResult"/> with one readable reason.
/// </summary>
internal static class CertificateVerifier
{
    private static readonly TlsVerificationStatus[] Priority =
    [
        TlsVerificationStatus.NoCertificate,
        TlsVerificationStatus.PinMismatch,
        TlsVerificationStatus.UnknownIssuer,
        TlsVerificationStatus.Expired,
        TlsVerificationStatus.NotYetValid,
        TlsVerificationStatus.NameMismatch,
        TlsVerificationStatus.Invalid,
    ];

    /// <summary>
    /// The chain policy SslStream builds with. It never goes to the network (no revocation fetch, no AIA
    /// download): a fetch would block the reactor thread inside the handshake.
    /// </summary>
    public static X509ChainPolicy CreateChainPolicy(X509Certificate2Collection? trustedAuthorities, DateTimeOffset verificationTime)
    {
        var policy = new X509ChainPolicy
        {
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
            VerificationTime = verificationTime.UtcDateTime,
        };
        if (trustedAuthorities is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(trustedAuthorities);
        }

        return policy;
    }

    /// <summary>
    /// Checks the peer's certificate. Returns the result (with the path the platform built) and the
    /// certificates the peer actually sent, leaf first: its own and the extra ones SslStream hands the chain
    /// builder (<see cref="X509ChainPolicy.ExtraStore"/>), in the order they came.
    /// </summary>
    public static (TlsVerificationResult Result, IReadOnlyList<TlsCertificateInfo> Certificates) Verify(
        X509Certificate? certificate,
        X509Chain? chain,
        SslPolicyErrors errors,
        string? expectedName,
        IReadOnlyList<string> pins,
        DateTimeOffset verificationTime,
        bool enforced)
    {
        if (certificate is null)
        {
            var none = new TlsVerificationResult
            {
                Status = TlsVerificationStatus.NoCertificate,
                Problems = [TlsVerificationStatus.NoCertificate],
                Reason = "peer sent no certificate",
                Enforced = enforced,
            };
            return (none, []);
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var certificates = new List<TlsCertificateInfo>();
        var elements = new List<(TlsCertificateInfo Info, X509ChainStatusFlags Flags)>();
        if (chain is not null && chain.ChainElements.Count > 0)
        {
            foreach (var element in chain.ChainElements)
            {
                var info = TlsCertificateInfo.Create(element.Certificate);
                var flags = element.ChainElementStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
                certificates.Add(info);
                elements.Add((info, flags));
            }
        }
        else
        {
            var info = TlsCertificateInfo.Create(leaf);
            certificates.Add(info);
            elements.Add((info, X509ChainStatusFlags.NoError));
        }

        var sent = new List<TlsCertificateInfo> { TlsCertificateInfo.Create(leaf) };
        foreach (var extra in chain?.ChainPolicy.ExtraStore ?? [])
        {
            if (!extra.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                sent.Add(TlsCertificateInfo.Create(extra));
            }
        }

        var chainStatus = chain?.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation.Trim()}").ToList() ?? [];
        var problems = new HashSet<TlsVerificationStatus>();
        var reasons = new Dictionary<TlsVerificationStatus, string>();

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            ClassifyChain(elements, chain, verificationTime, problems, reasons, expectedName is null ? "peer" : "server");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 && expectedName is not null)
        {
            problems.Add(TlsVerificationStatus.NameMismatch);
            reasons[TlsVerificationStatus.NameMismatch] =
                $"certificate is not valid for '{expectedName}'; it has {string.Join(", ", certificates[0].NamesForDisplay())}";
        }

        var pinMatched = false;
        if (pins.Count > 0)
        {
            pinMatched = MatchesPin(leaf, pins);
            if (pinMatched)
            {
                // A matching pin is the trust anchor: the issuer no longer matters.
                problems.Remove(TlsVerificationStatus.UnknownIssuer);
            }
            else
            {
                problems.Add(TlsVerificationStatus.PinMismatch);
                reasons[TlsVerificationStatus.PinMismatch] =
                    $"certificate SHA-256 {certificates[0].Sha256Fingerprint} matches none of the {pins.Count} pinned fingerprint(s)";
            }
        }

        var ordered = Priority.Where(problems.Contains).ToList();
        var status = ordered.Count > 0 ? ordered[0] : TlsVerificationStatus.Trusted;
        var reason = ordered.Count == 0
            ? TrustedReason(certificates, pinMatched)
            : reasons[status] + (ordered.Count > 1 ? $" (also: {string.Join(", ", ordered.Skip(1).Select(Describe))})" : string.Empty);

        var result = new TlsVerificationResult
        {
            Status = status,
            Problems = ordered,
            Reason = reason,
            Enforced = enforced,
            PinMatched = pinMatched,
            ChainStatus = chainStatus,
            VerifiedPath = certificates,
        };
        return (result, sent);
    }

    public static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void ClassifyChain(
        List<(TlsCertificateInfo Info, X509ChainStatusFlags Flags)> elements,
        X509Chain? chain,
        DateTimeOffset verificationTime,
        HashSet<TlsVerificationStatus> problems,
        Dictionary<TlsVerificationStatus, string> reasons,
        string peer)
    {
        const X509ChainStatusFlags issuerFlags = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain;
        var overall = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
        var all = elements.Aggregate(overall, (flags, e) => flags | e.Flags);

        if ((all & issuerFlags) != 0)
        {
            problems.Add(TlsVerificationStatus.UnknownIssuer);
            var top = elements[^1].Info;
            reasons[TlsVerificationStatus.UnknownIssuer] = IntermediateMissing(chain, all)
                ? $"the {peer} did not send the intermediate certificate(s): '{top.Subject}' is issued by '{top.Issuer}', which it did not send and the trust store does not hold"
                : top.IsSelfIssued
                ? (elements.Count == 1
                    ? $"self-signed certificate '{top.Subject}' is not trusted"
                    : $"root '{top.Subject}' is not trusted")
                : $"issuer '{top.Issuer}' of '{top.Subject}' is not in the trust store";
        }

        if ((all & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var (info, _) = elements.FirstOrDefault(e => (e.Flags & X509ChainStatusFlags.NotTimeValid) != 0);
            info ??= elements.FirstOrDefault(e => e.Info.NotAfter < verificationTime || e.Info.NotBefore > verificationTime).Info ?? elements[0].Info;
            var validity = $"valid {FormatDate(info.NotBefore)} to {FormatDate(info.NotAfter)}";
            if (info.NotBefore > verificationTime)
            {
                problems.Add(TlsVerificationStatus.NotYetValid);
                reasons[TlsVerificationStatus.NotYetValid] =
                    $"certificate '{info.Subject}' is not valid until {FormatDate(info.NotBefore)} ({validity}, checked at {FormatDate(verificationTime)})";
            }
            else
            {
                problems.Add(TlsVerificationStatus.Expired);
                reasons[TlsVerificationStatus.Expired] =
                    $"certificate '{info.Subject}' expired on {FormatDate(info.NotAfter)} ({validity}, checked at {FormatDate(verificationTime)})";
            }
        }

        var other = all & ~(issuerFlags | X509ChainStatusFlags.NotTimeValid);
        if (other != X509ChainStatusFlags.NoError || (all == X509ChainStatusFlags.NoError))
        {
            problems.Add(TlsVerificationStatus.Invalid);
            var details = chain?.ChainStatus
                .Where(s => (s.Status & ~(issuerFlags | X509ChainStatusFlags.NotTimeValid)) != 0)
                .Select(s => s.StatusInformation.Trim())
                .Where(s => s.Length > 0)
                .ToList() ?? [];
            reasons[TlsVerificationStatus.Invalid] = details.Count > 0
                ? "certificate chain is invalid: " + string.Join("; ", details)
                : $"certificate chain is invalid ({(other == X509ChainStatusFlags.NoError ? "no detail from the platform" : other.ToString())})";
        }
    }

    /// <summary>
    /// The path stops short of a trust anchor at a certificate that names where its issuer's certificate is
    /// published (Authority Information Access, caIssuers): that issuer is an intermediate CA the peer should have
    /// sent (it is never downloaded here), not an untrusted root.
    /// </summary>
    private static bool IntermediateMissing(X509Chain? chain, X509ChainStatusFlags flags)
    {
        if ((flags & X509ChainStatusFlags.PartialChain) == 0 || chain is null || chain.ChainElements.Count == 0)
        {
            return false;
        }

        var top = chain.ChainElements[^1].Certificate;
        return top.SubjectName.RawData.AsSpan().SequenceEqual(top.IssuerName.RawData) is false
            && top.Extensions.OfType<X509AuthorityInformationAccessExtension>().Any(access => access.EnumerateCAIssuersUris().Any());
    }

    private static bool MatchesPin(X509Certificate2 leaf, IReadOnlyList<string> pins)
    {
        var fingerprint = Convert.ToHexString(leaf.GetCertHash(HashAlgorithmName.SHA256));
        var spki = Convert.ToBase64String(SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo()));
        foreach (var pin in pins)
        {
            if (pin.StartsWith("sha256//", StringComparison.Ordinal))
            {
                if (string.Equals(pin["sha256//".Length..], spki, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (string.Equals(TlsCertificates.NormalizeHexFingerprint(pin), fingerprint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string TrustedReason(List<TlsCertificateInfo> certificates, bool pinMatched) =>
        pinMatched
            ? $"certificate matches a pinned fingerprint ({certificates[0].Sha256Fingerprint})"
            : $"certificate chain to '{certificates[^1].Subject}' is trusted";

    private static string Describe(TlsVerificationStatus status) => status switch
    {
        TlsVerificationStatus.UnknownIssuer => "unknown issuer",
        TlsVerificationStatus.NameMismatch => "name mismatch",
        TlsVerificationStatus.Expired => "expired",
        TlsVerificationStatus.NotYetValid => "not yet valid",
        TlsVerificationStatus.PinMismatch => "pin mismatch",
        TlsVerificationStatus.NoCertificate => "no certificate",
        _ => "invalid chain",
    };
}
