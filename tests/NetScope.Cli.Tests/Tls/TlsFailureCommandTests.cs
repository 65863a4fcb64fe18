using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetScope.Cli.Tests.Support;
using NetScope.Core.Tests.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// <c>netscope tls</c> exit codes and messages against peers written with BCL sockets and <see cref="SslStream"/>
/// or openssl: a certificate not yet valid (23), no cipher in common (25), a plaintext SMTP greeting or SSH
/// banner (26), a server that does not send its intermediate (21, saying so), and what the peer sent apart
/// from the path verification built; and default verification against the system store (SSL_CERT_FILE).
/// </summary>
public sealed class TlsFailureCommandTests
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FarAhead = new(2044, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TestCertificates Certificates => TestCertificates.Instance;

    [Fact]
    public async Task A_certificate_not_yet_valid_fails_with_exit_code_23_and_its_start_date()
    {
        await using var server = PeerServer.Start(peer => ServeTlsAsync(peer, SslStreamCertificateContext.Create(Certificates.NotYetValid, null, offline: true)));

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", Certificates.CaPem);

        Assert.Equal(23, run.ExitCode);
        Assert.StartsWith(
            $"netscope: TLS handshake with 127.0.0.1:{server.Port}: certificate 'CN=future.localhost' is not valid until 2043-01-01 00:00:00Z",
            Assert.Single(run.StderrLines),
            StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Interop")]
    public async Task No_cipher_in_common_fails_with_exit_code_25()
    {
        var (server, port) = await Peers.StartSServerAsync(
            Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-tls1_2", "-cipher", "PSK-AES128-GCM-SHA256", "-psk", "0102030405060708");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--tls-max", "1.2");

        Assert.Equal(
            (25, $"netscope: TLS handshake with 127.0.0.1:{port}: no cipher suite, signature algorithm or group in common: peer sent alert handshake_failure in answer to the ClientHello\n"),
            (run.ExitCode, run.Stderr));
    }

    [Theory]
    [InlineData("220 mail.test ESMTP Postfix\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n")]
    public async Task A_peer_that_greets_in_plaintext_fails_with_exit_code_26(string greeting)
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync(greeting);
            await peer.ReadToEndAsync();
        });

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{server.Port}", "--servername", "localhost");

        Assert.Equal(26, run.ExitCode);
        Assert.StartsWith($"netscope: TLS handshake with 127.0.0.1:{server.Port}: peer is not speaking TLS", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Contains(greeting.TrimEnd()[..3], run.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_send_its_intermediate_fails_saying_so()
    {
        using var chain = ThreeLevelChain.Create();
        await using var server = PeerServer.Start(peer => ServeTlsAsync(peer, SslStreamCertificateContext.Create(chain.Leaf, null, offline: true)));

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", chain.RootPem, "--show-certs");

        Assert.Equal(21, run.ExitCode);
        Assert.Equal(
            $"netscope: TLS handshake with 127.0.0.1:{server.Port}: the server did not send the intermediate certificate(s): 'CN=NetScope Chain Leaf' is issued by 'CN=NetScope Chain Intermediate', which it did not send and the trust store does not hold",
            run.StderrLines[^1]);
        Assert.Contains("netscope: certificate chain sent by the peer (1 certificate, leaf first)", run.StderrLines);
    }

    [Fact]
    public async Task Show_certs_tells_what_the_server_sent_from_the_path_verification_built()
    {
        using var chain = ThreeLevelChain.Create();
        await using var server = PeerServer.Start(peer => ServeTlsAsync(peer, SslStreamCertificateContext.Create(chain.Leaf, [chain.Intermediate], offline: true)));

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", chain.RootPem, "--show-certs", "--send", "", "--linger", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("netscope: certificate chain sent by the peer (2 certificates, leaf first)", run.StderrLines);
        Assert.Contains("netscope: verified path: CN=NetScope Chain Leaf -> CN=NetScope Chain Intermediate -> CN=NetScope Chain Root", run.StderrLines);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Without_ca_the_system_store_decides_and_ssl_cert_file_names_it()
    {
        await using var server = PeerServer.Start(peer => ServeTlsAsync(peer, SslStreamCertificateContext.Create(Certificates.Localhost, null, offline: true)));
        await using var trusting = ChildProcess.Start(
            "/usr/bin/env", $"SSL_CERT_FILE={Certificates.CaPem}", Support.NetScopeBinary.Path, "tls", $"127.0.0.1:{server.Port}", "--send", "", "--linger", "0");

        var exit = await trusting.ExitAsync();

        Assert.Equal(0, exit);
        Assert.Contains("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", trusting.Stderr.Lines);
    }

    private static async Task ServeTlsAsync(Peer peer, SslStreamCertificateContext context)
    {
        await using var tls = new SslStream(new NetworkStream(peer.Socket, ownsSocket: false));
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, bound.Token);
            var buffer = new byte[4096];
            while (await tls.ReadAsync(buffer, bound.Token) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            // The client refused the certificate: the handshake ends here, as the test wants.
        }
    }

    /// <summary>Root, intermediate and leaf (for localhost and 127.0.0.1, naming its issuer's URL as public CAs do).</summary>
    private sealed class ThreeLevelChain : IDisposable
    {
        private ThreeLevelChain(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf, string rootPem)
        {
            Root = root;
            Intermediate = intermediate;
            Leaf = leaf;
            RootPem = rootPem;
        }

        public X509Certificate2 Root { get; }

        public X509Certificate2 Intermediate { get; }

        public X509Certificate2 Leaf { get; }

        public string RootPem { get; }

        public static ThreeLevelChain Create()
        {
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rootRequest = AuthorityRequest("CN=NetScope Chain Root", rootKey);
            var root = rootRequest.CreateSelfSigned(LongAgo, FarAhead);

            using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var intermediateRequest = AuthorityRequest("CN=NetScope Chain Intermediate", intermediateKey);
            using var intermediatePublic = intermediateRequest.Create(root, LongAgo, FarAhead, [1, 2, 3]);
            var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var leafRequest = new CertificateRequest("CN=NetScope Chain Leaf", leafKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            leafRequest.CertificateExtensions.Add(names.Build());
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            leafRequest.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, ["http://ca.invalid/intermediate.crt"]));
            using var leafPublic = leafRequest.Create(intermediate, LongAgo, FarAhead, [4, 5, 6]);
            var leaf = leafPublic.CopyWithPrivateKey(leafKey);

            var rootPem = Path.Combine(Certificates.Directory, $"chain-root-{Guid.NewGuid():N}.pem");
            File.WriteAllText(rootPem, root.ExportCertificatePem() + "\n");
            return new ThreeLevelChain(root, intermediate, leaf, rootPem);
        }

        public void Dispose()
        {
            File.Delete(RootPem);
            Root.Dispose();
            Intermediate.Dispose();
            Leaf.Dispose();
        }

        private static CertificateRequest AuthorityRequest(string subject, ECDsa key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request;
        }
    }
}
