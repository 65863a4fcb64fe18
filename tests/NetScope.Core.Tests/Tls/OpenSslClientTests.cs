using System.Net;
using System.Net.Sockets;
using System.Text;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>A server engine with a freshly generated self-signed certificate, driven by openssl s_client and curl.</summary>
public sealed class OpenSslClientTests : IDisposable
{
    private readonly TestLoop _loop = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public OpenSslClientTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Stop();
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    private static (TlsServerOptions Options, string CertificatePem) SelfSigned(params string[] alpn)
    {
        var certificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        var pem = Path.Combine(TestCertificates.Instance.Directory, $"self-signed-{Guid.NewGuid():N}.pem");
        File.WriteAllText(pem, certificate.ExportCertificatePem() + "\n");
        return (new TlsServerOptions(certificate) { ApplicationProtocols = alpn }, pem);
    }

    private async Task<SocketPump> AcceptAsync(TlsServerOptions options, Action<SocketPump>? configure = null)
    {
        var accepted = await _listener.AcceptSocketAsync().WaitAsync(TestTimeouts.Operation);
        return await SocketPump.AcceptServerAsync(_loop, accepted, options, configure);
    }

    [Fact]
    public async Task S_client_verifies_the_self_signed_certificate_and_data_flows_both_ways()
    {
        var (options, pem) = SelfSigned("h2");
        await using var client = PeerProcess.Start(
            "openssl", "s_client", "-connect", $"127.0.0.1:{Port}", "-servername", "localhost", "-alpn", "h2,http/1.1",
            "-CAfile", pem, "-verify_return_error", "-brief");
        using var pump = await AcceptAsync(options, server =>
            server.Host.OnPlaintext = bytes => server.Engine.WritePlaintext(Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(bytes).ToUpperInvariant())));

        var session = await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await client.Input.WriteAsync("hello from s_client\n");
        await client.Input.FlushAsync();
        await client.WaitForLineAsync(line => line == "HELLO FROM S_CLIENT");
        client.Input.Close();
        await pump.Host.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(0, await client.WaitForExitAsync());
        Assert.Contains("Peer certificate: CN = localhost\n", client.Output);
        Assert.Contains("Verification: OK\n", client.Output);
        Assert.Equal("localhost", session.ServerName);
        Assert.Equal(["h2", "http/1.1"], session.OfferedApplicationProtocols);
        Assert.Equal("h2", session.ApplicationProtocol);
        Assert.Equal("hello from s_client\n", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pump.Host.ReceivedBytes)));
    }

    [Fact]
    public async Task Curl_with_the_ca_file_and_the_pinned_public_key_gets_the_response()
    {
        var (options, pem) = SelfSigned("http/1.1");
        var pin = "sha256//" + TlsCertificateInfo.Create(options.Certificate).PublicKeySha256;
        await using var curl = PeerProcess.Start(
            "curl", "-sS", "--cacert", pem, "--pinnedpubkey", pin,
            "--resolve", $"localhost:{Port}:127.0.0.1", $"https://localhost:{Port}/hello");
        var request = new StringBuilder();
        using var pump = await AcceptAsync(options, server => server.Host.OnPlaintext = bytes =>
        {
            request.Append(Encoding.ASCII.GetString(bytes));
            if (request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                server.Engine.WritePlaintext("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\n\r\nhello, curl\n"u8);
                server.Engine.Shutdown();
            }
        });

        Assert.Equal(0, await curl.WaitForExitAsync());
        await pump.TransportEnded.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("hello, curl\n", curl.Output);
        var session = await pump.Host.Handshake.Task;
        Assert.StartsWith("GET /hello HTTP/1.1\r\nHost: localhost:", await _loop.InvokeAsync(request.ToString));
        Assert.Equal("http/1.1", session.ApplicationProtocol);
        Assert.Contains("http/1.1", session.OfferedApplicationProtocols);
        Assert.Equal(TlsEngineState.Closed, await _loop.InvokeAsync(() => pump.Engine.State));
        Assert.False(pump.Host.Failure.Task.IsCompleted);
    }

    [Fact]
    public async Task Curl_refuses_a_certificate_whose_public_key_is_not_the_pinned_one()
    {
        var (options, pem) = SelfSigned();
        var wrongPin = "sha256//" + Convert.ToBase64String(new byte[32]);
        await using var curl = PeerProcess.Start(
            "curl", "-sS", "--cacert", pem, "--pinnedpubkey", wrongPin,
            "--resolve", $"localhost:{Port}:127.0.0.1", $"https://localhost:{Port}/");
        using var pump = await AcceptAsync(options);

        Assert.Equal(90, await curl.WaitForExitAsync());
        Assert.Contains("SSL: public key does not match pinned public key", curl.Output);
    }

    [Theory]
    [InlineData("-tls1_3", new[] { "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0" })]
    [InlineData("-tls1_2", new[] { "CLIENT_RANDOM" })]
    public async Task The_key_log_holds_the_same_secrets_openssl_logs_for_the_connection(string version, string[] labels)
    {
        Assert.Equal(TlsKeyLogStatus.Enabled, KeyLogTestSetup.Status);
        var (options, pem) = SelfSigned();
        var theirLog = Path.Combine(TestCertificates.Instance.Directory, $"s_client-keylog-{Guid.NewGuid():N}.txt");
        await using var client = PeerProcess.Start(
            "openssl", "s_client", "-connect", $"127.0.0.1:{Port}", "-servername", "localhost", version,
            "-CAfile", pem, "-verify_return_error", "-keylogfile", theirLog, "-brief");
        using var pump = await AcceptAsync(options);

        var session = await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        client.Input.Close();
        await client.WaitForExitAsync();

        var theirs = File.ReadAllLines(theirLog).Where(line => !line.StartsWith('#')).Order().ToList();
        var ours = ReadShared(KeyLogTestSetup.Path).Where(line => line.Contains(session.ClientRandom!, StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(labels, theirs.Select(line => line.Split(' ')[0]));
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void The_key_log_stays_with_the_first_file_for_the_life_of_the_process()
    {
        Assert.Equal(TlsKeyLogStatus.Enabled, TlsKeyLog.Enable(KeyLogTestSetup.Path));
        Assert.Equal(KeyLogTestSetup.Path, TlsKeyLog.ActivePath);

        var error = Assert.Throws<InvalidOperationException>(() => TlsKeyLog.Enable(KeyLogTestSetup.Path + ".other"));

        Assert.Equal($"TLS keys already go to '{KeyLogTestSetup.Path}'; the runtime keeps one key log per process.", error.Message);
        Assert.Null(Environment.GetEnvironmentVariable("SSLKEYLOGFILE"));
    }

    /// <summary>Reads the key log while the runtime holds it open for appending.</summary>
    private static List<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
