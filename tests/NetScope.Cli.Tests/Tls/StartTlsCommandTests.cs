using NetScope.Core.Tests.Tls;
using NetScope.Core.Tests.Tls.Layer;
using NetScope.Core.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// STARTTLS from the command line: <c>netscope tcp --starttls-after</c> in a script, and <c>/starttls</c> typed
/// into an interactive session, against our own SMTP-like server and Twisted's <c>startTLS</c>.
/// </summary>
[Trait("Category", "Interop")]
public sealed class StartTlsCommandTests : IDisposable
{
    private readonly ReactorThread _peers = new();

    public void Dispose() => _peers.Dispose();

    private static TestCertificates Certificates => TestCertificates.Instance;

    private static string[] SmtpScript(int port, string greeting) =>
    [
        "tcp", $"127.0.0.1:{port}",
        "--expect", $"220 {greeting} ESMTP", "--send", @"EHLO me\r\n", "--expect", "250 STARTTLS",
        "--send", @"STARTTLS\r\n", "--starttls-after", "220 2\\.0\\.0",
        "--servername", "localhost", "--ca", Certificates.CaPem,
        "--send", @"hello\r\n", "--expect", "tls echo: hello", "--send", @"QUIT\r\n", "--expect", "221 bye",
    ];

    private async Task<int> ListenSmtpAsync()
    {
        var options = new TlsServerOptions(Certificates.Localhost);
        return await Peers.ListenTcpAsync(_peers, () => new SmtpLikeServer(options));
    }

    [Fact]
    public async Task Starttls_after_a_pattern_upgrades_our_smtp_like_server_and_the_script_goes_on_over_tls()
    {
        var port = await ListenSmtpAsync();

        var run = await CliRun.NetScopeAsync(SmtpScript(port, "netscope test"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["220 netscope test ESMTP", "250-netscope", "250 STARTTLS", "220 2.0.0 ready to start TLS", "250 tls echo: hello", "221 bye"],
            run.StdoutLines);
        Assert.StartsWith($"netscope: TLS handshake with 127.0.0.1:{port} done in ", run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", run.StderrLines[8]);
    }

    [Fact]
    public async Task Starttls_after_a_pattern_upgrades_a_twisted_server_using_its_own_start_tls()
    {
        var (server, port) = await Peers.StartTwistedAsync(
            "twisted-starttls-server.py", TwistedScripts.StartTlsServer, Certificates.LocalhostPem, Certificates.LocalhostKey);
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(SmtpScript(port, "twisted"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["220 twisted ESMTP", "250-twisted", "250 STARTTLS", "220 2.0.0 go ahead", "250 tls echo: hello", "221 bye"],
            run.StdoutLines);
        Assert.Equal("  protocol     TLSv1.3", run.StderrLines[1]);
        Assert.Equal("  sni          localhost", run.StderrLines[4]);
    }

    [Fact]
    public async Task A_failed_starttls_handshake_exits_with_the_tls_code()
    {
        var port = await ListenSmtpAsync();
        string[] script = [.. SmtpScript(port, "netscope test")];
        script[Array.IndexOf(script, "localhost")] = "mail.example.test";

        var run = await CliRun.NetScopeAsync(script);

        Assert.Equal(22, run.ExitCode);
        Assert.Equal(["220 netscope test ESMTP", "250-netscope", "250 STARTTLS", "220 2.0.0 ready to start TLS"], run.StdoutLines);
        Assert.Equal(
            [$"netscope: TLS handshake with 127.0.0.1:{port}: certificate is not valid for 'mail.example.test'; it has DNS:localhost, IP:127.0.0.1, IP:::1"],
            run.StderrLines);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Typing_slash_starttls_in_an_interactive_session_upgrades_it()
    {
        var port = await ListenSmtpAsync();
        var netscope = NetScopeBinary.Path;

        await using var session = PeerProcess.Start(
            netscope, "tcp", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--linger", "0.2");
        await session.WaitForLineAsync(line => line == "220 netscope test ESMTP");
        await session.Input.WriteLineAsync("STARTTLS");
        await session.Input.FlushAsync();
        await session.WaitForLineAsync(line => line == "220 2.0.0 ready to start TLS");
        await session.Input.WriteLineAsync("/starttls");
        await session.Input.FlushAsync();
        await session.WaitForLineAsync(line => line.StartsWith("  verification ", StringComparison.Ordinal));
        await session.Input.WriteLineAsync("EHLO me");
        await session.Input.WriteLineAsync("QUIT");
        await session.Input.FlushAsync();
        await session.WaitForLineAsync(line => line == "221 bye");

        // The server has closed; the session ends when its input does (as for plain TCP), after the linger time.
        session.Input.Close();
        var exit = await session.WaitForExitAsync();

        Assert.Equal(0, exit);
        var lines = session.Output.Split('\n');
        Assert.Contains("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", lines);
        Assert.Contains("250 netscope", lines);
        Assert.Contains("221 bye", lines);
        Assert.DoesNotContain(lines, line => line.Contains("/starttls", StringComparison.Ordinal));
    }
}
