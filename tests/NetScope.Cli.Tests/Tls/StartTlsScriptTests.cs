using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetScope.Cli.Tests.Support;
using NetScope.Core.Tests.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// <c>--starttls-after</c> in a script, against SMTP-like servers written with BCL sockets and
/// <see cref="SslStream"/>: the README's example as written, the step's own failure message, and the
/// STARTTLS injection (CVE-2011-0411) a server-side attacker tries with plaintext sent after the answer.
/// </summary>
public sealed class StartTlsScriptTests
{
    private static TestCertificates Certificates => TestCertificates.Instance;

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task TheReadmeStarttlsExampleUpgradesAnSmtpLikeServerVerifiedAgainstTheSystemStore()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("220 mail.test ESMTP ready\r\n");
            Assert.Equal("STARTTLS\r\n", await peer.ReadLineAsync());
            await peer.SendAsync("220 2.0.0 go ahead\r\n");
            await using var tls = await AcceptTlsAsync(peer.Socket, Certificates.Localhost);
            await ReadToEndAsync(tls);
        });

        // As README.md has it (with the test server's address): the trust store is the "system" one,
        // made of the test CA through SSL_CERT_FILE.
        await using var netscope = ChildProcess.Start(
            "/usr/bin/env",
            $"SSL_CERT_FILE={Certificates.CaPem}",
            NetScopeBinary.Path,
            "tcp", $"127.0.0.1:{server.Port}", "--expect", "^220", "--send", @"STARTTLS\r\n", "--starttls-after", "^220");
        var exit = await netscope.ExitAsync();
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "220 mail.test ESMTP ready\n220 2.0.0 go ahead\n"), (exit, netscope.Stdout.Text));
        Assert.Contains("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", netscope.Stderr.Lines);
    }

    [Fact]
    public async Task AStarttlsAfterThatIsNotAnsweredFailsNamingItsStepWithExitCodeSix()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("220 mail.test ESMTP ready\r\n");
            await peer.ReadLineAsync();
            await peer.SendAsync("454 4.7.0 TLS not available\r\n");
            peer.FinishSending();
            await peer.ReadToEndAsync();
        });

        var run = await CliRun.NetScopeAsync(
            "tcp", $"127.0.0.1:{server.Port}", "--expect", "^220", "--send", @"STARTTLS\r\n", "--starttls-after", "^220");

        Assert.Equal(
            (6, "220 mail.test ESMTP ready\n454 4.7.0 TLS not available\n", "netscope: --starttls-after /^220/: the peer finished sending before a match (unmatched input: \"454 4.7.0 TLS not available\\r\\n\")\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task PlaintextInjectedAfterTheStarttlsAnswerIsDiscardedAndCannotAnswerAnExpectOverTls()
    {
        string? readOverTls = null;
        await using var server = PeerServer.Start(async peer =>
        {
            Assert.Equal("STARTTLS\r\n", await peer.ReadLineAsync());

            // The attack: an answer to the command the client will send over TLS, sent in plaintext with the go-ahead.
            await peer.SendAsync("220 go ahead\r\n250 injected\r\n");
            await using var tls = await AcceptTlsAsync(peer.Socket, Certificates.Localhost);
            readOverTls = await ReadLineAsync(tls);
            await tls.ShutdownAsync();
            peer.FinishSending();
            await ReadToEndAsync(tls);
        });

        var run = await CliRun.NetScopeAsync(
            "tcp", $"127.0.0.1:{server.Port}", "--send", @"STARTTLS\r\n", "--starttls-after", "^220",
            "--servername", "localhost", "--ca", Certificates.CaPem, "--send", @"EHLO me\r\n", "--expect", "^250", "--timeout", "5");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((6, "220 go ahead\n250 injected\n", "EHLO me\r\n"), (run.ExitCode, run.Stdout, readOverTls));
        Assert.Equal("netscope: starttls: discarded 14 plaintext bytes received after the STARTTLS answer", run.StderrLines[0]);
        Assert.StartsWith("netscope: expect /^250/: ", run.StderrLines[^1], StringComparison.Ordinal);
    }

    private static async Task<SslStream> AcceptTlsAsync(Socket socket, X509Certificate2 certificate)
    {
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, bound.Token);
        return tls;
    }

    private static async Task<string> ReadLineAsync(SslStream tls)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await tls.ReadAsync(one) == 1)
        {
            line.Append((char)one[0]);
            if (one[0] == (byte)'\n')
            {
                break;
            }
        }

        return line.ToString();
    }

    private static async Task ReadToEndAsync(SslStream tls)
    {
        var buffer = new byte[4096];
        try
        {
            while (await tls.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A client that closes without close_notify ends the conversation all the same.
        }
    }
}
