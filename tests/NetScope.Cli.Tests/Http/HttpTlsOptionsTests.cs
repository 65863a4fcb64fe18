using NetScope.Cli.Tests.Tls;
using static NetScope.Cli.Tests.Http.HttpCommandTests;

namespace NetScope.Cli.Tests.Http;

/// <summary>
/// The TLS options <c>netscope http</c> shares with <c>netscope tls</c> (--servername, --cert/--key, --pin,
/// --tls-min/--tls-max), against openssl s_server answering HTTP (<c>-www</c>).
/// </summary>
[Trait("Category", "Interop")]
public sealed class HttpTlsOptionsTests
{
    private static NetScope.Core.Tests.Tls.TestCertificates Certificates => Peers.Certificates;

    [Fact]
    public async Task AClientCertificateIsPresentedWhenTheServerRequiresOne()
    {
        var (server, port) = await Peers.StartSServerAsync(
            Certificates.LocalhostPem, Certificates.LocalhostKey, "-www", "-naccept", "2", "-Verify", "1", "-CAfile", Certificates.CaPem);
        await using var _ = server;
        string[] common = ["http", $"https://127.0.0.1:{port}/", "--servername", "localhost", "--ca", Certificates.CaPem];

        var presented = await Run([.. common, "--cert", Certificates.ClientPem, "--key", Certificates.ClientKey]);
        var missing = await Run(common);

        Assert.Equal((0, ""), (presented.ExitCode, presented.Stderr));
        Assert.Contains("Client certificate", presented.Stdout, StringComparison.Ordinal);
        Assert.Matches("Subject: ?CN ?= ?netscope-client", presented.Stdout);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.DoesNotContain("Client certificate", missing.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsMinAboveWhatTheServerSpeaksFailsAndTlsMaxIsHonoured()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-www", "-naccept", "2", "-tls1_2");
        await using var _ = server;
        var url = $"https://127.0.0.1:{port}/";

        var refused = await Run("http", url, "--servername", "localhost", "--ca", Certificates.CaPem, "--tls-min", "1.3");
        var spoken = await Run("http", url, "--servername", "localhost", "--ca", Certificates.CaPem, "--tls-max", "1.2");

        Assert.Equal(((int)ExitCode.TlsNoSharedProtocol, ""), (refused.ExitCode, refused.Stdout));
        Assert.Single(refused.StderrLines);
        Assert.StartsWith($"netscope: GET {url}: ", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, spoken.ExitCode);
        Assert.Contains("Protocol  : TLSv1.2", spoken.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APinAcceptsASelfSignedCertificateAndAWrongPinRefusesEvenWithInsecure()
    {
        var selfSigned = Peers.SelfSigned;
        var (server, port) = await Peers.StartSServerAsync(selfSigned.Certificate, selfSigned.Key, "-www", "-naccept", "2");
        await using var _ = server;
        var url = $"https://127.0.0.1:{port}/";

        var pinned = await Run("http", url, "--pin", selfSigned.Fingerprint);
        var wrong = await Run("http", url, "-k", "--pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.Equal((0, ""), (pinned.ExitCode, pinned.Stderr));
        Assert.StartsWith("<HTML>", pinned.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(((int)ExitCode.TlsHandshakeFailed, ""), (wrong.ExitCode, wrong.Stdout));
        Assert.Equal(
            [$"netscope: GET {url}: certificate SHA-256 {selfSigned.Fingerprint} matches none of the 1 pinned fingerprint(s) (also: unknown issuer)"],
            wrong.StderrLines);
    }

    [Theory]
    [InlineData("--tls-min|1.4", "--tls-min '1.4': expected 1.2 or 1.3")]
    [InlineData("--tls-min|1.3|--tls-max|1.2", "--tls-min 1.3 is above --tls-max 1.2")]
    [InlineData("--key|client.key", "--key needs --cert")]
    [InlineData("--pin|zz", "--pin 'zz': expected a SHA-256 fingerprint (64 hex digits, colons allowed) or sha256//BASE64")]
    public async Task BadTlsValuesAreUsageErrorsAsForNetscopeTls(string arguments, string message)
    {
        var run = await Run(["http", "https://127.0.0.1:9/", .. arguments.Split('|')]);

        Assert.Equal((2, $"netscope: {message}\nTry 'netscope http --help' for more information.\n"), (run.ExitCode, run.Stderr));
    }
}
