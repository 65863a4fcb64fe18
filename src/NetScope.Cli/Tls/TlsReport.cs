using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NetScope.Core.Tls;

namespace NetScope.Cli.Tls;

/// <summary>
/// How a client verb shows a TLS handshake: a short summary on stderr, the whole chain with
/// <c>--show-certs</c>, or one JSON object on stdout with <c>--json</c> (fields in <c>docs/cli.md</c>).
/// </summary>
internal static class TlsReport
{
    private const int LabelWidth = 13;

    /// <summary>The summary of a completed handshake: what was negotiated, who the peer is, what verification found.</summary>
    public static void WriteSummary(TextWriter error, string target, TlsStatus status)
    {
        var session = status.Session ?? throw new ArgumentException("The handshake has not completed.", nameof(status));
        error.WriteLine($"{CliErrors.Prefix}TLS handshake with {target} done in {Milliseconds(status.HandshakeElapsed)}");
        Field(error, "protocol", session.ProtocolName);
        Field(error, "cipher", session.CipherSuite.ToString());
        Field(error, "alpn", Alpn(session));
        Field(error, "sni", session.ServerName ?? "none");
        if (status.PeerCertificates.Count > 0)
        {
            var leaf = status.PeerCertificates[0];
            Field(error, "peer", leaf.Subject);
            Field(error, "issuer", leaf.Issuer);
            Field(error, "expires", FormatDate(leaf.NotAfter));
        }
        else
        {
            Field(error, "peer", "no certificate");
        }

        Field(error, "verification", Verification(status.Verification));
        if (session.Resumed)
        {
            Field(error, "session", "resumed from an earlier connection");
        }
    }

    /// <summary>
    /// Every certificate the peer sent, leaf first (the details and the PEM), then the path verification built
    /// from it, which may add certificates from the trust store.
    /// </summary>
    public static void WriteCertificates(TextWriter error, IReadOnlyList<TlsCertificateInfo> chain, IReadOnlyList<TlsCertificateInfo> verifiedPath)
    {
        if (chain.Count == 0)
        {
            error.WriteLine($"{CliErrors.Prefix}the peer sent no certificate");
            return;
        }

        error.WriteLine($"{CliErrors.Prefix}certificate chain sent by the peer ({chain.Count} certificate{(chain.Count == 1 ? "" : "s")}, leaf first)");
        for (var i = 0; i < chain.Count; i++)
        {
            var certificate = chain[i];
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  certificate {i}"));
            Field(error, "subject", certificate.Subject, "    ");
            Field(error, "issuer", certificate.Issuer, "    ");
            Field(error, "san", certificate.SubjectAlternativeNames.Count > 0 ? string.Join(", ", certificate.SubjectAlternativeNames) : "none", "    ");
            Field(error, "valid", $"{FormatDate(certificate.NotBefore)} to {FormatDate(certificate.NotAfter)}", "    ");
            Field(error, "key", string.Create(CultureInfo.InvariantCulture, $"{certificate.KeyType}, {certificate.KeySize} bits"), "    ");
            Field(error, "sha256", certificate.Sha256Fingerprint, "    ");
            Field(error, "pin", "sha256//" + certificate.PublicKeySha256, "    ");
            Field(error, "serial", certificate.SerialNumber, "    ");
            error.Write(Pem(certificate));
        }

        if (verifiedPath.Count > 0)
        {
            error.WriteLine($"{CliErrors.Prefix}verified path: {string.Join(" -> ", verifiedPath.Select(certificate => certificate.Subject))}");
        }
    }

    /// <summary>
    /// The report as one line of JSON: the session when there is one, the certificates and verification
    /// when they arrived, and the failure with its exit code when the handshake failed.
    /// </summary>
    public static string ToJson(string target, TlsStatus status, bool includePem, Exception? failure = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            var session = status.Session;
            json.WriteStartObject();
            json.WriteString("target", target);
            json.WriteBoolean("ok", failure is null && session is not null);
            json.WriteString("state", Name(status.State));
            json.WriteNumber("handshakeMs", Math.Round(status.HandshakeElapsed.TotalMilliseconds, 3));
            WriteNullable(json, "protocol", session?.ProtocolName);
            WriteNullable(json, "cipher", session?.CipherSuite.ToString());
            WriteNullable(json, "alpn", session?.ApplicationProtocol);
            json.WriteStartArray("alpnOffered");
            foreach (var protocol in session?.OfferedApplicationProtocols ?? [])
            {
                json.WriteStringValue(protocol);
            }

            json.WriteEndArray();
            WriteNullable(json, "sni", session?.ServerName ?? status.ServerNameSent);
            json.WriteBoolean("resumed", session?.Resumed ?? false);
            WriteNullable(json, "clientRandom", session?.ClientRandom);
            WriteVerification(json, status.Verification);
            json.WriteStartArray("certificates");
            foreach (var certificate in status.PeerCertificates)
            {
                WriteCertificate(json, certificate, includePem);
            }

            json.WriteEndArray();
            json.WriteStartArray("verifiedPath");
            foreach (var certificate in status.Verification.VerifiedPath)
            {
                WriteCertificate(json, certificate, includePem: false);
            }

            json.WriteEndArray();
            WriteFailure(json, status.Failure, failure);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteVerification(Utf8JsonWriter json, TlsVerificationResult verification)
    {
        json.WriteStartObject("verification");
        json.WriteString("status", Name(verification.Status));
        json.WriteBoolean("trusted", verification.IsTrusted);
        json.WriteBoolean("enforced", verification.Enforced);
        json.WriteString("reason", verification.Reason);
        json.WriteStartArray("problems");
        foreach (var problem in verification.Problems)
        {
            json.WriteStringValue(Name(problem));
        }

        json.WriteEndArray();
        json.WriteBoolean("pinMatched", verification.PinMatched);
        json.WriteEndObject();
    }

    private static void WriteCertificate(Utf8JsonWriter json, TlsCertificateInfo certificate, bool includePem)
    {
        json.WriteStartObject();
        json.WriteString("subject", certificate.Subject);
        json.WriteString("issuer", certificate.Issuer);
        json.WriteStartArray("san");
        foreach (var name in certificate.SubjectAlternativeNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteString("notBefore", FormatIso(certificate.NotBefore));
        json.WriteString("notAfter", FormatIso(certificate.NotAfter));
        json.WriteString("keyType", certificate.KeyType);
        json.WriteNumber("keySize", certificate.KeySize);
        json.WriteString("sha256", certificate.Sha256Fingerprint);
        json.WriteString("publicKeySha256", certificate.PublicKeySha256);
        json.WriteString("serial", certificate.SerialNumber);
        if (includePem)
        {
            json.WriteString("pem", Pem(certificate));
        }

        json.WriteEndObject();
    }

    private static void WriteFailure(Utf8JsonWriter json, TlsFailure? tlsFailure, Exception? failure)
    {
        if (failure is null && tlsFailure is null)
        {
            json.WriteNull("failure");
            return;
        }

        var described = CliErrors.Describe(failure ?? new TlsFailureException(tlsFailure!));
        json.WriteStartObject("failure");
        WriteNullable(json, "kind", tlsFailure is null ? null : Name(tlsFailure.Kind));
        json.WriteString("message", tlsFailure?.Message ?? described.Message[CliErrors.Prefix.Length..]);
        json.WriteNumber("exitCode", (int)described.Code);
        WriteNullable(json, "alert", tlsFailure?.Alert);
        json.WriteBoolean("alertFromPeer", tlsFailure?.AlertFromPeer ?? false);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Field(TextWriter error, string label, string value, string indent = "  ") =>
        error.WriteLine($"{indent}{label.PadRight(LabelWidth)}{value}");

    private static string Alpn(TlsSessionInfo session)
    {
        if (session.ApplicationProtocol is { } agreed)
        {
            return agreed;
        }

        return session.OfferedApplicationProtocols.Count > 0
            ? $"none agreed (offered {string.Join(", ", session.OfferedApplicationProtocols)})"
            : "none";
    }

    private static string Verification(TlsVerificationResult verification)
    {
        if (verification.IsTrusted)
        {
            return "ok: " + verification.Reason;
        }

        return verification.Enforced
            ? "failed: " + verification.Reason
            : "FAILED, continuing because of --insecure: " + verification.Reason;
    }

    private static string Pem(TlsCertificateInfo certificate) =>
        new string(PemEncoding.Write("CERTIFICATE", certificate.RawData.Span)) + "\n";

    private static string Milliseconds(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string FormatIso(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
