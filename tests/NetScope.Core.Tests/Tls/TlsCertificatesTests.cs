using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

public sealed class TlsCertificatesTests
{
    [Fact]
    public void The_self_signed_certificate_covers_localhost_by_name_and_both_loopback_addresses()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.Zero));

        using var certificate = TlsCertificates.CreateSelfSignedLocalhost(time);
        var info = TlsCertificateInfo.Create(certificate);

        Assert.True(certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", info.Subject);
        Assert.True(info.IsSelfIssued);
        Assert.Equal(["DNS:localhost", "IP:127.0.0.1", "IP:::1"], info.SubjectAlternativeNames);
        Assert.Equal(("ECDSA P-256", 256), (info.KeyType, info.KeySize));
        Assert.Equal(new DateTimeOffset(2031, 3, 1, 9, 0, 0, TimeSpan.Zero), info.NotBefore);
        Assert.Equal(new DateTimeOffset(2031, 3, 31, 10, 0, 0, TimeSpan.Zero), info.NotAfter);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", info.Sha256Fingerprint);
    }

    [Fact]
    public async Task The_fingerprint_is_the_one_openssl_prints()
    {
        using var certificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        var path = Path.Combine(TestCertificates.Instance.Directory, $"fingerprint-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, certificate.ExportCertificatePem());
        await using var openssl = PeerProcess.Start("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", path);

        Assert.Equal(0, await openssl.WaitForExitAsync());
        Assert.Equal($"sha256 Fingerprint={TlsCertificates.Sha256Fingerprint(certificate)}\n", openssl.Output, ignoreCase: true);
    }

    [Fact]
    public void A_certificate_file_with_its_chain_loads_the_leaf_with_its_key_and_the_rest_as_chain()
    {
        var certificates = TestCertificates.Instance;
        var bundle = Path.Combine(certificates.Directory, $"bundle-{Guid.NewGuid():N}.pem");
        File.WriteAllText(bundle, File.ReadAllText(certificates.LocalhostPem) + File.ReadAllText(certificates.CaPem));

        var (leaf, chain) = TlsCertificates.LoadCertificateWithKey(bundle, certificates.LocalhostKey);

        Assert.True(leaf.HasPrivateKey);
        Assert.Equal("CN=localhost", leaf.Subject);
        Assert.Equal(["CN=NetScope Test CA"], chain.Select(c => c.Subject));
    }

    [Fact]
    public void A_ca_file_without_certificates_is_refused()
    {
        var empty = Path.Combine(TestCertificates.Instance.Directory, $"empty-{Guid.NewGuid():N}.pem");
        File.WriteAllText(empty, "no certificates here\n");

        var error = Assert.Throws<InvalidDataException>(() => TlsCertificates.LoadPemBundle(empty));

        Assert.Equal($"'{empty}' contains no PEM certificate.", error.Message);
    }

    [Theory]
    [InlineData("ab:CD:ef")]
    [InlineData("not hex at all")]
    public void Fingerprints_that_are_not_sha256_hex_are_not_normalised(string text) =>
        Assert.Null(TlsCertificates.NormalizeHexFingerprint(text));

    [Fact]
    public void Fingerprints_compare_regardless_of_case_and_separators()
    {
        var hex = new string('a', 64);
        var colons = string.Join(":", Enumerable.Repeat("AA", 32));

        Assert.Equal(TlsCertificates.NormalizeHexFingerprint(hex), TlsCertificates.NormalizeHexFingerprint(colons));
    }

    [Fact]
    public void Server_options_refuse_a_certificate_without_its_key()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(TestCertificates.Instance.Localhost.RawData);

        var error = Assert.Throws<ArgumentException>(() => new TlsServerOptions(publicOnly));

        Assert.StartsWith("The server certificate needs its private key.", error.Message);
    }
}
