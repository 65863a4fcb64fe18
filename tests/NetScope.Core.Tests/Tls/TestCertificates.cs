using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// A private CA and leaf certificates made with <see cref="CertificateRequest"/>, also written as PEM files
/// for openssl and curl. Validity periods are fixed dates, so nothing depends on when the tests run
/// (before 2044).
/// </summary>
internal sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> Lazy = new(() => new TestCertificates());

    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FarAhead = new(2044, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("netscope-tls-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(Directory, recursive: true);

        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=NetScope Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(LongAgo, FarAhead.AddYears(1));

        Localhost = Issue("CN=localhost", ["localhost"], LongAgo, FarAhead, serverAuth: true);
        Expired = Issue("CN=expired.localhost", ["localhost"], LongAgo, new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), serverAuth: true);
        NotYetValid = Issue("CN=future.localhost", ["localhost"], new DateTimeOffset(2043, 1, 1, 0, 0, 0, TimeSpan.Zero), FarAhead, serverAuth: true);
        Client = Issue("CN=netscope-client", [], LongAgo, FarAhead, serverAuth: false);

        CaPem = Write("ca.pem", Ca.ExportCertificatePem());
        (LocalhostPem, LocalhostKey) = WritePair("localhost", Localhost);
        (ExpiredPem, ExpiredKey) = WritePair("expired", Expired);
        (ClientPem, ClientKey) = WritePair("client", Client);
    }

    public static TestCertificates Instance => Lazy.Value;

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>CN=localhost with SANs localhost, 127.0.0.1 and ::1, issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Localhost { get; }

    /// <summary>Valid 2020-01-01 to 2021-01-01.</summary>
    public X509Certificate2 Expired { get; }

    /// <summary>Valid from 2043-01-01.</summary>
    public X509Certificate2 NotYetValid { get; }

    /// <summary>A client-authentication certificate issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Client { get; }

    public string CaPem { get; }

    public string LocalhostPem { get; }

    public string LocalhostKey { get; }

    public string ExpiredPem { get; }

    public string ExpiredKey { get; }

    public string ClientPem { get; }

    public string ClientKey { get; }

    public X509Certificate2Collection CaCollection => [Ca];

    private X509Certificate2 Issue(string subject, string[] dnsNames, DateTimeOffset notBefore, DateTimeOffset notAfter, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (dnsNames.Length > 0)
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var name in dnsNames)
            {
                names.AddDnsName(name);
            }

            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usage = serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2";
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Ca, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private (string Certificate, string Key) WritePair(string name, X509Certificate2 certificate)
    {
        using var key = certificate.GetECDsaPrivateKey()!;
        return (Write(name + ".pem", certificate.ExportCertificatePem()), Write(name + ".key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, pem + "\n");
        return path;
    }
}
