using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;
using static NetScope.Cli.Tests.Http.HttpCommandTests;

namespace NetScope.Cli.Tests.Http;

/// <summary><c>netscope http</c> over TLS: verification with --ca and -k, the TLS phase, keep-alive, and CONNECT through a proxy.</summary>
public sealed class HttpsCommandTests : IDisposable
{
    private readonly X509Certificate2 _certificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
    private readonly string _caFile = Path.Combine(Path.GetTempPath(), $"netscope-http-ca-{Guid.NewGuid():N}.pem");

    public HttpsCommandTests()
    {
        File.WriteAllText(_caFile, _certificate.ExportCertificatePem() + "\n");
    }

    public void Dispose()
    {
        File.Delete(_caFile);
        _certificate.Dispose();
    }

    [Fact]
    public async Task ACertificateSignedByTheGivenCaIsVerifiedAndTheBodyArrives()
    {
        using var server = new ScriptedHttpServer(request => Reply.Text(200, $"secure {request.Target}"), _certificate);

        var run = await Run("http", server.Url("/page"), "--ca", _caFile, "-v");

        Assert.Equal((0, "secure /page"), (run.ExitCode, run.Stdout));
        Assert.Equal($"* connected to 127.0.0.1:{server.Port}", run.StderrLines[0]);
        Assert.Matches(@"^\* TLSv1\.[23] \S+, ALPN (http/1\.1|none), server name \(none\)$", run.StderrLines[1]);
        Assert.Equal("* certificate: CN=localhost; verified", run.StderrLines[2]);
        Assert.Equal($"> Host: 127.0.0.1:{server.Port}", run.StderrLines[4]);
    }

    [Fact]
    public async Task AnUntrustedCertificateExitsWith21()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "never"), _certificate);

        var run = await Run("http", server.Url("/"));

        Assert.Equal((21, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url("/")}: self-signed certificate 'CN=localhost' is not trusted"], run.StderrLines);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task InsecureGoesOnAndVerboseSaysWhy()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "anyway"), _certificate);

        var run = await Run("http", server.Url("/"), "-k", "-v");

        Assert.Equal((0, "anyway"), (run.ExitCode, run.Stdout));
        Assert.StartsWith("* certificate: CN=localhost; NOT verified (", run.StderrLines[2]);
    }

    [Fact]
    public async Task TimingShowsTheHandshakeAndRedirectsReuseTheTlsConnection()
    {
        using var server = new ScriptedHttpServer(request => request.Target == "/a" ? Reply.Redirect(302, "/b") : Reply.Text(200, "b"), _certificate);

        var run = await Run("http", server.Url("/a"), "--ca", _caFile, "-L", "--timing");

        Assert.Equal((0, "b"), (run.ExitCode, run.Stdout));
        var lines = run.StderrLines.ToArray();
        var first = Array.IndexOf(lines, $"netscope: timing of #1 http GET {server.Url("/a")}:");
        var second = Array.IndexOf(lines, $"netscope: timing of #2 http GET {server.Url("/b")}:");
        Assert.DoesNotMatch(@"^tls\s+-", lines[first + 4]);
        Assert.Matches(@"^tls\s+-\s+-$", lines[second + 4]);
        Assert.Equal((1, 1), (server.Connections, server.Handshakes));
    }

    [Fact]
    public async Task HttpsGoesThroughAProxyInAConnectTunnel()
    {
        using var origin = new ScriptedHttpServer(request => Reply.Text(200, $"tunnelled {request.Target} for {request.Header("Host")}"), _certificate);
        using var proxy = new ScriptedHttpServer(request => request.Method == "CONNECT" ? new Reply.Tunnel(origin.Port) : Reply.Text(400, "CONNECT only"));

        var run = await Run("http", $"https://localhost:{origin.Port}/secret", "--proxy", proxy.Url(), "--ca", _caFile);

        Assert.Equal((0, $"tunnelled /secret for localhost:{origin.Port}", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(("CONNECT", $"localhost:{origin.Port}"), (Assert.Single(proxy.Requests).Method, proxy.Requests.Single().Target));
        Assert.Equal(1, origin.Handshakes);
    }

    [Fact]
    public async Task AnUnreadableCaFileExitsWith11()
    {
        var run = await Run("http", "https://127.0.0.1:9/", "--ca", "/nonexistent-dir/ca.pem");

        Assert.Equal(11, run.ExitCode);
        Assert.StartsWith("netscope: --ca /nonexistent-dir/ca.pem: ", Assert.Single(run.StderrLines));
    }
}
