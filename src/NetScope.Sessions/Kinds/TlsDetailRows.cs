using System.Globalization;
using NetScope.Core.Tls;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// The rows a detail view shows for a TLS connection: what the handshake negotiated, every certificate the
/// peer sent (leaf first, its index as the prefix of each row's name) and what verification found. Rows stay
/// short (a detail pane is 50-60 columns): one field a row, the fingerprint over several.
/// </summary>
internal static class TlsDetailRows
{
    /// <summary>Bytes of the SHA-256 fingerprint a row holds: 11 bytes are 32 characters as <c>AB:CD:…</c>.</summary>
    internal const int FingerprintBytesPerRow = 11;

    /// <summary>The rows for <paramref name="status"/>.</summary>
    public static List<KeyValuePair<string, string>> Describe(TlsStatus status)
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            new("tls state", status.State.ToString()),
            new("handshake ms", status.HandshakeElapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)),
        };
        if (status.Session is { } session)
        {
            rows.Add(new("version", session.ProtocolName));
            rows.Add(new("cipher", session.CipherSuite.ToString()));
            rows.Add(new("alpn", Alpn(session)));
        }

        if ((status.ServerNameSent ?? status.ServerNameReceived) is { } sni)
        {
            rows.Add(new("sni", sni));
        }

        AddChain(rows, status.PeerCertificates);
        AddVerification(rows, status.Verification);
        if (status.Failure is { } failure)
        {
            rows.Add(new("failure", failure.Message));
        }

        return rows;
    }

    /// <summary>How a certificate's validity dates are shown: <c>2026-11-27 06:00:00Z</c>.</summary>
    internal static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A <c>AB:CD:…</c> fingerprint cut into rows of <see cref="FingerprintBytesPerRow"/> bytes.</summary>
    internal static IEnumerable<string> FingerprintRows(string fingerprint)
    {
        const int RowChars = (FingerprintBytesPerRow * 3) - 1;
        for (var start = 0; start < fingerprint.Length; start += RowChars + 1)
        {
            yield return fingerprint.Substring(start, Math.Min(RowChars, fingerprint.Length - start));
        }
    }

    private static string Alpn(TlsSessionInfo session) => session.ApplicationProtocol
        ?? (session.OfferedApplicationProtocols.Count > 0 ? $"none agreed (offered {string.Join(", ", session.OfferedApplicationProtocols)})" : "none");

    private static void AddChain(List<KeyValuePair<string, string>> rows, IReadOnlyList<TlsCertificateInfo> chain)
    {
        if (chain.Count == 0)
        {
            rows.Add(new("peer chain", "no certificate"));
            return;
        }

        rows.Add(new("peer chain", chain.Count == 1 ? "1 certificate" : $"{chain.Count} certificates, leaf first"));
        for (var i = 0; i < chain.Count; i++)
        {
            var certificate = chain[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"[{i}] ");
            rows.Add(new(prefix + "subject", certificate.Subject));
            rows.Add(new(prefix + "issuer", certificate.Issuer));
            rows.Add(new(prefix + "from", FormatDate(certificate.NotBefore)));
            rows.Add(new(prefix + "until", FormatDate(certificate.NotAfter)));
            rows.Add(new(prefix + "key", certificate.KeySize > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{certificate.KeyType}, {certificate.KeySize} bits")
                : certificate.KeyType));
            var name = prefix + "sha256";
            foreach (var part in FingerprintRows(certificate.Sha256Fingerprint))
            {
                rows.Add(new(name, part));
                name = string.Empty; // continuation rows: the value column goes on under the first
            }
        }
    }

    private static void AddVerification(List<KeyValuePair<string, string>> rows, TlsVerificationResult verification)
    {
        var outcome = verification.Status switch
        {
            TlsVerificationStatus.Trusted => "ok",
            TlsVerificationStatus.NotPerformed => "not performed",
            _ when verification.Enforced => "failed",
            _ => "FAILED, not enforced",
        };
        rows.Add(new("verification", outcome));
        rows.Add(new("reason", verification.Reason));
        if (verification.PinMatched)
        {
            rows.Add(new("pin", "matched"));
        }

        foreach (var line in verification.ChainStatus)
        {
            rows.Add(new("chain status", line));
        }

        for (var i = 0; i < verification.VerifiedPath.Count; i++)
        {
            rows.Add(new(string.Create(CultureInfo.InvariantCulture, $"path [{i}]"), verification.VerifiedPath[i].Subject));
        }
    }
}
