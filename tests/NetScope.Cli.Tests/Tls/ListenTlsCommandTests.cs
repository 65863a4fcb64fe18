using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NetScope.Core.Tests.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// <c>netscope listen ... --tls</c> with its generated self-signed certificate (the executable, run as a
/// process), against <c>netscope tls</c> pinning the printed fingerprint, openssl s_client and curl.
/// </summary>
[Trait("Category", "Interop")]
[Trait("Category", "EndToEnd")]
public sealed partial class ListenTlsCommandTests
{
    private static string NetScope => NetScopeBinary.Path;

    /// <summary>Starts a listener and reads where it listens and the two pins it printed.</summary>
    private static async Task<(PeerProcess Listener, int Port, string Fingerprint, string PublicKeyPin)> ListenAsync(params string[] arguments)
    {
        var listener = PeerProcess.Start(NetScope, ["listen", .. arguments, "--tls", "--port", "0"]);
        var listening = await listener.WaitForLineAsync(line => line.StartsWith("listening on ", StringComparison.Ordinal));
        var fingerprint = await listener.WaitForLineAsync(line => line.StartsWith("netscope:   SHA-256 fingerprint ", StringComparison.Ordinal));
        var pin = await listener.WaitForLineAsync(line => line.StartsWith("netscope:   public key pin ", StringComparison.Ordinal));
        var port = int.Parse(ListeningLine().Match(listening).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (listener, port, fingerprint.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], pin.Split(' ', StringSplitOptions.RemoveEmptyEntries)[4]);
    }

    [Fact]
    public async Task The_generated_certificate_is_described_and_its_fingerprint_pins_it_for_netscope_tls()
    {
        var (listener, port, fingerprint, publicKeyPin) = await ListenAsync("echo");
        await using var _ = listener;

        var byFingerprint = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--pin", fingerprint, "--send", @"ping\n", "--expect", "ping", "--linger", "0");
        var byPublicKey = await CliRun.NetScopeAsync("tls", $"localhost:{port}", "--pin", publicKeyPin, "--raw", "--send", "pong", "--expect", "pong", "--linger", "0");
        var unpinned = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--send", "x");

        var lines = listener.Output.Split('\n');
        Assert.Contains(lines, line => SelfSignedLine().IsMatch(line));
        Assert.Contains($"listening on 127.0.0.1:{port} (echo, raw, tls {fingerprint})", lines);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint);
        Assert.Matches("^sha256//[A-Za-z0-9+/]{43}=$", publicKeyPin);
        Assert.Equal(0, byFingerprint.ExitCode);
        Assert.Equal(["ping"], byFingerprint.StdoutLines);
        Assert.Equal($"  verification ok: certificate matches a pinned fingerprint ({fingerprint})", byFingerprint.StderrLines[8]);
        Assert.Equal(0, byPublicKey.ExitCode);
        Assert.Equal("pong", byPublicKey.Stdout);
        Assert.Equal(21, unpinned.ExitCode);
        Assert.Equal([$"netscope: TLS handshake with 127.0.0.1:{port}: self-signed certificate 'CN=localhost' is not trusted"], unpinned.StderrLines);
    }

    [Fact]
    public async Task S_client_gets_the_echo_from_a_certificate_with_the_printed_fingerprint()
    {
        var (listener, port, fingerprint, _) = await ListenAsync("echo");
        await using var _ = listener;

        await using var client = PeerProcess.Start("openssl", "s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost", "-showcerts");
        await client.Input.WriteAsync("hello from s_client\n");
        await client.Input.FlushAsync();
        await client.WaitForLineAsync(line => line == "hello from s_client");
        client.Input.Close();
        var exit = await client.WaitForExitAsync();

        Assert.Equal(0, exit);
        var pem = PemBlock().Match(client.StandardOutput).Value; // stdout alone: verify lines on stderr may land inside the merged block
        using var presented = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
        Assert.Equal(fingerprint, Convert.ToHexString(SHA256.HashData(presented.RawData)).Chunk(2).Select(pair => new string(pair)).Aggregate((a, b) => a + ":" + b));
        Assert.Contains("Verify return code: 18 (self-signed certificate)", client.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Curl_pins_the_printed_public_key_of_a_qotd_listener()
    {
        var (listener, port, _, publicKeyPin) = await ListenAsync("qotd", "--quote", "hello, curl");
        await using var _ = listener;
        string[] common = ["-sS", "-k", "--http0.9", "--resolve", $"localhost:{port}:127.0.0.1", $"https://localhost:{port}/"];

        await using var pinned = PeerProcess.Start("curl", ["--pinnedpubkey", publicKeyPin, .. common]);
        var pinnedExit = await pinned.WaitForExitAsync();
        await using var wrong = PeerProcess.Start("curl", ["--pinnedpubkey", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", .. common]);
        var wrongExit = await wrong.WaitForExitAsync();

        Assert.Equal(0, pinnedExit);
        Assert.Equal("hello, curl\n", pinned.Output.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(90, wrongExit);
        Assert.Contains("SSL: public key does not match pinned public key", wrong.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+) ")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^netscope: TLS with a self-signed certificate for DNS:localhost, IP:127\.0\.0\.1, IP:::1 \(valid until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\)$")]
    private static partial Regex SelfSignedLine();

    [GeneratedRegex("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")]
    private static partial Regex PemBlock();
}
