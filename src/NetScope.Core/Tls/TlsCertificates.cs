using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// Loading and making certificates for the TLS engine. File access happens here, when options are built,
/// so the engine itself never touches the disk on the reactor thread.
/// </summary>
public static class TlsCertificates
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Creates a self-signed ECDSA P-256 certificate for <c>localhost</c> with the SANs
    /// <c>DNS:localhost</c>, <c>IP:127.0.0.1</c> and <c>IP:::1</c>, valid from one hour before
    /// <paramref name="time"/>'s now for 30 days. The private key lives only in memory.
    /// </summary>
    /// <param name="time">The clock that fixes the validity period.</param>
    public static X509Certificate2 CreateSelfSignedLocalhost(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        return request.CreateSelfSigned(now.AddHours(-1), now.AddDays(30));
    }

    /// <summary>
    /// Loads a certificate and its private key from PEM files. Further certificates in
    /// <paramref name="certificatePemPath"/> (intermediates) are returned as the chain to send.
    /// </summary>
    /// <param name="certificatePemPath">PEM file whose first certificate is the leaf.</param>
    /// <param name="keyPemPath">PEM file with the private key; null when the key is in the certificate file.</param>
    public static (X509Certificate2 Certificate, X509Certificate2Collection Chain) LoadCertificateWithKey(string certificatePemPath, string? keyPemPath = null)
    {
        var leaf = X509Certificate2.CreateFromPemFile(certificatePemPath, keyPemPath);
        var all = LoadPemBundle(certificatePemPath);
        var chain = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (!certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
            {
                chain.Add(certificate);
            }
        }

        return (leaf, chain);
    }

    /// <summary>Loads every certificate in a PEM bundle (a CA file).</summary>
    /// <param name="pemPath">The file to read.</param>
    /// <exception cref="InvalidDataException">The file holds no certificate.</exception>
    public static X509Certificate2Collection LoadPemBundle(string pemPath)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(pemPath);
        if (collection.Count == 0)
        {
            throw new InvalidDataException($"'{pemPath}' contains no PEM certificate.");
        }

        return collection;
    }

    /// <summary>The SHA-256 fingerprint of <paramref name="certificate"/> formatted <c>AB:CD:…</c>.</summary>
    /// <param name="certificate">The certificate to hash.</param>
    public static string Sha256Fingerprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return FormatFingerprint(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>Formats a digest as upper-case hex pairs separated by colons.</summary>
    /// <param name="digest">The digest bytes.</param>
    public static string FormatFingerprint(ReadOnlySpan<byte> digest)
    {
        if (digest.IsEmpty)
        {
            return string.Empty;
        }

        return string.Create(digest.Length * 3 - 1, digest.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (i > 0)
                {
                    chars[i * 3 - 1] = ':';
                }

                var hex = bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
                chars[i * 3] = hex[0];
                chars[i * 3 + 1] = hex[1];
            }
        });
    }

    /// <summary>
    /// Reduces a fingerprint to upper-case hex without separators, so <c>ab:cd</c>, <c>AB CD</c> and
    /// <c>abcd</c> compare equal. Returns null when the text is not hex.
    /// </summary>
    internal static string? NormalizeHexFingerprint(string text)
    {
        var hex = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ':' or ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }

            hex.Append(char.ToUpperInvariant(c));
        }

        return hex.Length == 64 ? hex.ToString() : null;
    }
}
