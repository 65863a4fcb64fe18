using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// What a front end shows about one certificate. A plain snapshot: it holds no handle and needs no disposal.
/// </summary>
public sealed record TlsCertificateInfo
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";
    private const string Ed448Oid = "1.3.101.113";

    /// <summary>The subject distinguished name, e.g. <c>CN=localhost</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>The issuer distinguished name; equal to <see cref="Subject"/> for a self-signed certificate.</summary>
    public required string Issuer { get; init; }

    /// <summary>The subject alternative names as <c>DNS:name</c> and <c>IP:address</c> entries, in certificate order.</summary>
    public required IReadOnlyList<string> SubjectAlternativeNames { get; init; }

    /// <summary>The start of the validity period (UTC).</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>The end of the validity period (UTC).</summary>
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>The public key type: <c>RSA</c>, <c>ECDSA P-256</c>, <c>Ed25519</c>, or the key algorithm's OID.</summary>
    public required string KeyType { get; init; }

    /// <summary>The public key size in bits (0 when the platform cannot tell).</summary>
    public required int KeySize { get; init; }

    /// <summary>The SHA-256 digest of the DER certificate, formatted <c>AB:CD:…</c> (what <c>openssl x509 -fingerprint -sha256</c> prints).</summary>
    public required string Sha256Fingerprint { get; init; }

    /// <summary>The base64 SHA-256 digest of the SubjectPublicKeyInfo, the value curl's <c>--pinnedpubkey sha256//…</c> expects.</summary>
    public required string PublicKeySha256 { get; init; }

    /// <summary>The serial number in hexadecimal.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>The DER encoding, for saving the certificate or building a chain later.</summary>
    public required ReadOnlyMemory<byte> RawData { get; init; }

    /// <summary>True when subject and issuer are the same name.</summary>
    public bool IsSelfIssued => string.Equals(Subject, Issuer, StringComparison.Ordinal);

    /// <summary>Takes a snapshot of <paramref name="certificate"/>.</summary>
    /// <param name="certificate">The certificate to describe; it is not kept.</param>
    public static TlsCertificateInfo Create(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var (keyType, keySize) = DescribeKey(certificate);
        return new TlsCertificateInfo
        {
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            SubjectAlternativeNames = ReadSubjectAlternativeNames(certificate),
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            KeyType = keyType,
            KeySize = keySize,
            Sha256Fingerprint = TlsCertificates.FormatFingerprint(certificate.GetCertHash(HashAlgorithmName.SHA256)),
            PublicKeySha256 = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())),
            SerialNumber = certificate.SerialNumber,
            RawData = certificate.RawData,
        };
    }

    /// <summary>The names a host-name check accepts: the DNS and IP SANs, or the subject CN when there are none.</summary>
    internal IReadOnlyList<string> NamesForDisplay()
    {
        if (SubjectAlternativeNames.Count > 0)
        {
            return SubjectAlternativeNames;
        }

        return [Subject];
    }

    private static List<string> ReadSubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames().Select(name => "DNS:" + name));
                names.AddRange(san.EnumerateIPAddresses().Select(address => "IP:" + address));
            }
        }

        return names;
    }

    private static (string KeyType, int KeySize) DescribeKey(X509Certificate2 certificate)
    {
        switch (certificate.PublicKey.Oid.Value)
        {
            case RsaOid:
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    return ("RSA", rsa?.KeySize ?? 0);
                }

            case EcPublicKeyOid:
                using (var ecdsa = certificate.GetECDsaPublicKey())
                {
                    if (ecdsa is null)
                    {
                        return ("EC", 0);
                    }

                    var curve = ecdsa.ExportParameters(false).Curve;
                    return ("ECDSA " + CurveName(curve), ecdsa.KeySize);
                }

            case Ed25519Oid:
                return ("Ed25519", 256);
            case Ed448Oid:
                return ("Ed448", 456);
            default:
                return (certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown", 0);
        }
    }

    private static string CurveName(ECCurve curve) => curve.Oid?.Value switch
    {
        "1.2.840.10045.3.1.7" => "P-256",
        "1.3.132.0.34" => "P-384",
        "1.3.132.0.35" => "P-521",
        _ => curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "curve",
    };
}
