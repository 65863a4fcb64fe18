using System.Globalization;
using System.Text.RegularExpressions;
using NetScope.Core.Tests.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// <c>netscope listen echo --tls</c> (the executable): with a CA-signed certificate from files, verified by
/// <c>netscope tls --ca</c>; talking to curl; and serving on after clients that fail verification.
/// </summary>
[Trait("Category", "Interop")]
[Trait("Category", "EndToEnd")]
public sealed partial class ListenTlsServingTests
{
    private static TestCertificates Certificates => TestCertificates.Instance;

    private static async Task<(PeerProcess Listener, int Port, string PublicKeyPin)> ListenEchoAsync(params string[] arguments)
    {
        var listener = PeerProcess.Start(NetScopeBinary.Path, ["listen", "echo", "--tls", "--port", "0", .. arguments]);
        var pin = await listener.WaitForLineAsync(line => line.StartsWith("netscope:   public key pin ", StringComparison.Ordinal));
        var listening = await listener.WaitForLineAsync(line => line.StartsWith("listening on ", StringComparison.Ordinal));
        var port = int.Parse(ListeningLine().Match(listening).Groups[1].Value, CultureInfo.InvariantCulture);
        return (listener, port, pin.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4]);
    }

    [Fact]
    public async Task An_echo_listener_serves_its_ca_signed_certificate_from_files_and_netscope_tls_verifies_it_with_the_ca()
    {
        var (listener, port, _) = await ListenEchoAsync("--cert", Certificates.LocalhostPem, "--key", Certificates.LocalhostKey);
        await using var _ = listener;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--send", @"hello\n", "--expect", "^hello$", "--linger", "0");

        Assert.Contains("netscope: TLS with certificate CN=localhost issued by CN=NetScope Test CA (valid until 2044-01-01 00:00:00Z)", listener.Output.Split('\n'));
        Assert.Equal((0, "hello\n"), (run.ExitCode, run.Stdout));
        Assert.Equal("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", run.StderrLines[8]);
    }

    [Fact]
    public async Task Curl_gets_its_request_echoed_by_an_echo_listener_over_tls()
    {
        // The idle timeout closes the connection once the echo is back: curl reads an HTTP/0.9 "response" to the end.
        // It counts from the last byte either way, so it is long enough for a loaded machine's handshake too.
        var (listener, port, publicKeyPin) = await ListenEchoAsync("--idle-timeout", "2");
        await using var _ = listener;

        await using var curl = PeerProcess.Start(
            "curl", "-sS", "-k", "--pinnedpubkey", publicKeyPin, "--http0.9", "-H", "Connection: close", $"https://127.0.0.1:{port}/echo");
        var exit = await curl.WaitForExitAsync();

        Assert.True(exit == 0, $"curl exited with {exit}: {curl.Output}");

        // PeerProcess reads its output by lines: the request's CRLFs arrive as line breaks.
        var echoed = curl.StandardOutput.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal("GET /echo HTTP/1.1", echoed[0]);
        Assert.Contains($"Host: 127.0.0.1:{port}", echoed);
        Assert.Contains("Connection: close", echoed);
    }

    [Fact]
    public async Task A_listener_keeps_serving_after_a_client_fails_on_its_expired_certificate()
    {
        var (listener, port, _) = await ListenEchoAsync("--cert", Certificates.ExpiredPem, "--key", Certificates.ExpiredKey);
        await using var _ = listener;
        string[] client = ["tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem];

        var expired = await CliRun.NetScopeAsync(client);
        var after = await CliRun.NetScopeAsync([.. client, "--insecure", "--send", @"after\n", "--expect", "^after$", "--linger", "0"]);

        Assert.Equal(23, expired.ExitCode);
        Assert.StartsWith(
            $"netscope: TLS handshake with 127.0.0.1:{port}: certificate 'CN=expired.localhost' expired on 2021-01-01 00:00:00Z",
            Assert.Single(expired.StderrLines),
            StringComparison.Ordinal);
        Assert.Equal((0, "after\n"), (after.ExitCode, after.Stdout));
    }

    [Fact]
    public async Task A_listener_keeps_serving_after_a_client_fails_on_a_wrong_name()
    {
        var (listener, port, _) = await ListenEchoAsync("--cert", Certificates.LocalhostPem, "--key", Certificates.LocalhostKey);
        await using var _ = listener;
        string[] client = ["tls", $"127.0.0.1:{port}", "--ca", Certificates.CaPem];

        var wrongName = await CliRun.NetScopeAsync([.. client, "--servername", "mail.example.test"]);
        var after = await CliRun.NetScopeAsync([.. client, "--servername", "localhost", "--send", @"after\n", "--expect", "^after$", "--linger", "0"]);

        Assert.Equal(
            (22, $"netscope: TLS handshake with 127.0.0.1:{port}: certificate is not valid for 'mail.example.test'; it has DNS:localhost, IP:127.0.0.1, IP:::1\n"),
            (wrongName.ExitCode, wrongName.Stderr));
        Assert.Equal((0, "after\n"), (after.ExitCode, after.Stdout));
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+) ")]
    private static partial Regex ListeningLine();
}
