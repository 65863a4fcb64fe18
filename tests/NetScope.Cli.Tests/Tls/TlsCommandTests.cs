using System.Text.Json;
using System.Text.RegularExpressions;
using NetScope.Core.Tests.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary><c>netscope tls</c> run in-process against openssl s_server and a Twisted TLS server.</summary>
[Trait("Category", "Interop")]
public sealed partial class TlsCommandTests
{
    private static TestCertificates Certificates => Peers.Certificates;

    /// <summary>The summary lines after the first (which carries the timing), for a peer with <paramref name="verification"/>.</summary>
    private static string[] Summary(string alpn, string sni, string peer, string issuer, string expires, string verification) =>
    [
        "  protocol     TLSv1.3",
        "  cipher       TLS_AES_256_GCM_SHA384",
        $"  alpn         {alpn}",
        $"  sni          {sni}",
        $"  peer         {peer}",
        $"  issuer       {issuer}",
        $"  expires      {expires}",
        $"  verification {verification}",
    ];

    private static void AssertSummary(CliRun run, int port, string[] expected)
    {
        Assert.Matches(HandshakeLine(), run.StderrLines[0]);
        Assert.StartsWith($"netscope: TLS handshake with 127.0.0.1:{port} done in ", run.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal(expected, run.StderrLines.Skip(1).Take(expected.Length));
    }

    [Fact]
    public async Task With_the_ca_the_summary_comes_first_then_the_scripted_exchange()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-rev");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem,
            "--send", @"hello over tls\n", "--expect", "slt revo olleh", "--linger", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["slt revo olleh"], run.StdoutLines);
        AssertSummary(run, port, Summary(
            "none", "localhost", "CN=localhost", "CN=NetScope Test CA", "2044-01-01 00:00:00Z",
            "ok: certificate chain to 'CN=NetScope Test CA' is trusted"));
        Assert.Equal(9, run.StderrLines.Count);
        Assert.Equal(0, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task Timing_shows_the_tls_phase_of_a_tls_session()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-rev");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem,
            "--send", @"abc\n", "--expect", "cba", "--linger", "0", "--timing");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"netscope: timing of #1 tls 127.0.0.1:{port}:", run.StderrLines);
        Assert.Contains(run.StderrLines, line => TlsPhaseLine().IsMatch(line));
    }

    [Fact]
    public async Task A_self_signed_certificate_fails_as_unknown_issuer_unless_pinned_or_insecure()
    {
        var selfSigned = Peers.SelfSigned;
        var (server, port) = await Peers.StartSServerAsync(selfSigned.Certificate, selfSigned.Key, "-naccept", "3", "-rev");
        await using var _ = server;
        string[] common = ["tls", $"127.0.0.1:{port}", "--servername", "localhost", "--send", @"abc\n", "--expect", "cba", "--linger", "0"];

        var refused = await CliRun.NetScopeAsync(common);
        var pinned = await CliRun.NetScopeAsync([.. common, "--pin", selfSigned.Fingerprint]);
        var insecure = await CliRun.NetScopeAsync([.. common, "--insecure"]);

        Assert.Equal(21, refused.ExitCode);
        Assert.Equal([$"netscope: TLS handshake with 127.0.0.1:{port}: self-signed certificate 'CN=localhost' is not trusted"], refused.StderrLines);
        Assert.Equal("", refused.Stdout);

        Assert.Equal(0, pinned.ExitCode);
        Assert.Equal(["cba"], pinned.StdoutLines);
        Assert.Equal($"  verification ok: certificate matches a pinned fingerprint ({selfSigned.Fingerprint})", pinned.StderrLines[8]);

        Assert.Equal(0, insecure.ExitCode);
        Assert.Equal(["cba"], insecure.StdoutLines);
        Assert.Equal("  verification FAILED, continuing because of --insecure: self-signed certificate 'CN=localhost' is not trusted", insecure.StderrLines[8]);
    }

    [Fact]
    public async Task A_wrong_pin_fails_even_with_insecure()
    {
        var selfSigned = Peers.SelfSigned;
        var (server, port) = await Peers.StartSServerAsync(selfSigned.Certificate, selfSigned.Key, "-naccept", "1");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--insecure", "--pin", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

        Assert.Equal(20, run.ExitCode);
        Assert.Equal(
            [$"netscope: TLS handshake with 127.0.0.1:{port}: certificate SHA-256 {selfSigned.Fingerprint} matches none of the 1 pinned fingerprint(s) (also: unknown issuer)"],
            run.StderrLines);
    }

    [Fact]
    public async Task A_name_the_certificate_lacks_fails_with_exit_code_22_and_the_names_it_has()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "www.example.test", "--ca", Certificates.CaPem);

        Assert.Equal(22, run.ExitCode);
        Assert.Equal(
            [$"netscope: TLS handshake with 127.0.0.1:{port}: certificate is not valid for 'www.example.test'; it has DNS:localhost, IP:127.0.0.1, IP:::1"],
            run.StderrLines);
    }

    [Fact]
    public async Task An_expired_certificate_fails_with_exit_code_23_and_its_dates()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.ExpiredPem, Certificates.ExpiredKey, "-naccept", "1");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem);

        Assert.Equal(23, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.StartsWith(
            $"netscope: TLS handshake with 127.0.0.1:{port}: certificate 'CN=expired.localhost' expired on 2021-01-01 00:00:00Z (valid 2020-01-01 00:00:00Z to 2021-01-01 00:00:00Z, checked at ",
            run.StderrLines[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_version_in_common_fails_with_exit_code_25()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-tls1_2");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--tls-min", "1.3");

        Assert.Equal(25, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.StartsWith($"netscope: TLS handshake with 127.0.0.1:{port}: no TLS version in common", run.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_one_report_object_on_stdout_before_the_data()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-rev");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--json",
            "--send", @"abc\n", "--expect", "cba", "--linger", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.StderrLines);
        Assert.Equal(2, run.StdoutLines.Count);
        Assert.Equal("cba", run.StdoutLines[1]);
        using var report = JsonDocument.Parse(run.StdoutLines[0]);
        var root = report.RootElement;
        Assert.Equal($"127.0.0.1:{port}", root.GetProperty("target").GetString());
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("established", root.GetProperty("state").GetString());
        Assert.Equal("TLSv1.3", root.GetProperty("protocol").GetString());
        Assert.Equal("TLS_AES_256_GCM_SHA384", root.GetProperty("cipher").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("alpn").ValueKind);
        Assert.Equal("localhost", root.GetProperty("sni").GetString());
        Assert.Equal("trusted", root.GetProperty("verification").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failure").ValueKind);
        // s_server sends its own certificate only; verification adds the CA from --ca.
        var chain = root.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(["CN=localhost"], chain.Select(c => c.GetProperty("subject").GetString()));
        Assert.Equal(["CN=localhost", "CN=NetScope Test CA"], root.GetProperty("verifiedPath").EnumerateArray().Select(c => c.GetProperty("subject").GetString()));
        Assert.Equal(["DNS:localhost", "IP:127.0.0.1", "IP:::1"], chain[0].GetProperty("san").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("2044-01-01T00:00:00Z", chain[0].GetProperty("notAfter").GetString());
        Assert.Equal("ECDSA P-256", chain[0].GetProperty("keyType").GetString());
        Assert.Equal(Certificates.Localhost.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), chain[0].GetProperty("sha256").GetString()!.Replace(":", ""));
        Assert.False(chain[0].TryGetProperty("pem", out var pem), $"no PEM without --show-certs, got {pem}");
    }

    [Fact]
    public async Task Json_reports_a_failed_handshake_with_its_kind_and_exit_code()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1");
        await using var _ = server;

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost", "--json");

        Assert.Equal(21, run.ExitCode);
        Assert.Equal([$"netscope: TLS handshake with 127.0.0.1:{port}: issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store"], run.StderrLines);
        using var report = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        var root = report.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal("failed", root.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("protocol").ValueKind);
        Assert.Equal("unknownIssuer", root.GetProperty("verification").GetProperty("status").GetString());
        var failure = root.GetProperty("failure");
        Assert.Equal("unknownIssuer", failure.GetProperty("kind").GetString());
        Assert.Equal("issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store", failure.GetProperty("message").GetString());
        Assert.Equal(21, failure.GetProperty("exitCode").GetInt32());
        Assert.Equal("CN=localhost", root.GetProperty("certificates")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Show_certs_prints_every_certificate_the_peer_sent_with_its_pem_and_then_the_verified_path()
    {
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-cert_chain", Certificates.CaPem);
        await using var _ = server;

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--show-certs", "--linger", "0", "--send", "");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StderrLines;
        var start = lines.ToList().IndexOf("netscope: certificate chain sent by the peer (2 certificates, leaf first)");
        Assert.Equal(9, start);
        Assert.Equal(
            [
                "  certificate 0",
                "    subject      CN=localhost",
                "    issuer       CN=NetScope Test CA",
                "    san          DNS:localhost, IP:127.0.0.1, IP:::1",
                "    valid        2020-01-01 00:00:00Z to 2044-01-01 00:00:00Z",
                "    key          ECDSA P-256, 256 bits",
            ],
            lines.Skip(start + 1).Take(6));
        Assert.Equal(2, lines.Count(line => line == "-----BEGIN CERTIFICATE-----"));
        Assert.Contains("  certificate 1", lines);
        Assert.Contains("    subject      CN=NetScope Test CA", lines);
        Assert.Equal("netscope: verified path: CN=localhost -> CN=NetScope Test CA", lines[^1]);
    }

    [Fact]
    public async Task Sni_and_alpn_arrive_at_a_twisted_tls_server_and_the_ca_decides_trust()
    {
        var (server, port) = await Peers.StartTwistedAsync(
            "twisted-tls-server.py", TwistedScripts.HandshakeReporter, Certificates.LocalhostPem, Certificates.LocalhostKey);
        await using var _ = server;
        string[] common = ["tls", $"127.0.0.1:{port}", "--servername", "localhost", "--alpn", "h2,http/1.1"];

        var trusted = await CliRun.NetScopeAsync([.. common, "--ca", Certificates.CaPem, "--expect", "sni=localhost alpn=h2", "--linger", "0"]);
        var untrusted = await CliRun.NetScopeAsync(common);

        Assert.Equal(0, trusted.ExitCode);
        Assert.Equal(["sni=localhost alpn=h2"], trusted.StdoutLines);
        Assert.Equal("  alpn         h2", trusted.StderrLines[3]);
        Assert.Equal("  verification ok: certificate chain to 'CN=NetScope Test CA' is trusted", trusted.StderrLines[8]);
        Assert.Equal(21, untrusted.ExitCode);
        Assert.Equal([$"netscope: TLS handshake with 127.0.0.1:{port}: issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store"], untrusted.StderrLines);
    }

    [Fact]
    public async Task A_client_certificate_is_presented_when_the_server_requires_one()
    {
        var (server, port) = await Peers.StartSServerAsync(
            Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "2", "-Verify", "1", "-CAfile", Certificates.CaPem, "-rev");
        await using var _ = server;
        string[] common = ["tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--send", @"abc\n", "--expect", "cba", "--linger", "0"];

        var presented = await CliRun.NetScopeAsync([.. common, "--cert", Certificates.ClientPem, "--key", Certificates.ClientKey]);
        var seen = await server.WaitForLineAsync(line => line.StartsWith("Peer certificate: ", StringComparison.Ordinal));
        var missing = await CliRun.NetScopeAsync(common);

        Assert.Equal(0, presented.ExitCode);
        Assert.Equal(["cba"], presented.StdoutLines);
        Assert.Equal("Peer certificate: CN = netscope-client", seen);
        Assert.Equal(20, missing.ExitCode);
        Assert.Matches(
            $@"^netscope: TLS session with 127\.0\.0\.1:{port}: peer sent alert certificate_required after the handshake: .+$",
            missing.StderrLines[^1]);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Keylog_writes_the_connection_secrets_for_wireshark()
    {
        // The key log is process-wide and decided at the first handshake, so this runs the real executable.
        var (server, port) = await Peers.StartSServerAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, "-naccept", "1", "-rev");
        await using var _ = server;
        var keyLog = Path.Combine(Certificates.Directory, $"keys-{Guid.NewGuid():N}.log");

        await using var netscope = PeerProcess.Start(
            NetScopeBinary.Path,
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", Certificates.CaPem, "--keylog", keyLog, "--json",
            "--send", @"abc\n", "--expect", "cba", "--linger", "0");
        var exit = await netscope.WaitForExitAsync();

        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(netscope.Output.Split('\n')[0]);
        var random = report.RootElement.GetProperty("clientRandom").GetString()!;
        var secrets = (await File.ReadAllLinesAsync(keyLog)).Where(line => line.Contains(random, StringComparison.Ordinal)).Select(line => line.Split(' ')[0]);
        Assert.Equal(
            ["CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"],
            secrets.Order());
    }

    [GeneratedRegex(@"^tls +\d+\.\d m?s +\d+\.\d m?s$")] // s from 1 s on: a loaded machine may take that long
    private static partial Regex TlsPhaseLine();

    [GeneratedRegex(@"^netscope: TLS handshake with \S+ done in \d+\.\d ms$")]
    private static partial Regex HandshakeLine();
}
