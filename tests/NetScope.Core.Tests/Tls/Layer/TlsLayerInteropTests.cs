using System.Net;
using System.Text;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>Real TLS clients (openssl s_client, curl) against listeners served over the TLS layer.</summary>
[Trait("Category", "Interop")]
public sealed class TlsLayerInteropTests : IDisposable
{
    private readonly ReactorThread _reactor = new();

    public void Dispose() => _reactor.Dispose();

    /// <summary>A listener with a generated self-signed certificate, its PEM written for the client to trust.</summary>
    private static (TlsServerOptions Options, string CertificatePem) SelfSigned()
    {
        var options = new TlsListenerOptions().CreateServerOptions();
        var path = Path.Combine(TestCertificates.Instance.Directory, $"self-signed-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, options.Certificate.ExportCertificatePem() + "\n");
        return (options, path);
    }

    private async Task<int> ListenAsync(IProtocolFactory factory, TlsServerOptions options)
    {
        var port = await _reactor.InvokeAsync(() =>
            _reactor.Reactor.ListenTcp(0, _reactor.Reactor.WrapForTls(factory, options), bindAddress: "127.0.0.1"));
        return ((IPEndPoint)port.GetHost()).Port;
    }

    [Fact]
    public async Task S_client_verifies_the_generated_self_signed_certificate_and_gets_its_line_back()
    {
        var (options, pem) = SelfSigned();
        var port = await ListenAsync(Factory.ForProtocol(() => new LineEchoThenClose()), options);

        await using var client = PeerProcess.Start(
            "openssl", "s_client", "-connect", $"127.0.0.1:{port}", "-servername", "localhost", "-CAfile", pem, "-verify_return_error", "-brief");
        await client.WaitForLineAsync(line => line == "Verification: OK");
        await client.Input.WriteAsync("hello from s_client\n");
        await client.Input.FlushAsync();
        var exit = await client.WaitForExitAsync();

        Assert.Equal(0, exit);
        var lines = client.Output.Split('\n');
        Assert.Contains("Protocol version: TLSv1.3", lines);
        Assert.Contains("hello from s_client", lines);
    }

    [Fact]
    public async Task Curl_pins_the_generated_certificate_public_key_and_reads_the_response()
    {
        var (options, pem) = SelfSigned();
        var pin = TlsCertificateInfo.Create(options.Certificate).PublicKeySha256;
        var port = await ListenAsync(Factory.ForProtocol(() => new TinyHttpResponder()), options);

        await using var curl = PeerProcess.Start(
            "curl", "-sS", "--resolve", $"localhost:{port}:127.0.0.1", "--cacert", pem, "--pinnedpubkey", $"sha256//{pin}", $"https://localhost:{port}/");
        var exit = await curl.WaitForExitAsync();
        await using var wrongPin = PeerProcess.Start(
            "curl", "-sS", "--resolve", $"localhost:{port}:127.0.0.1", "--cacert", pem,
            "--pinnedpubkey", "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", $"https://localhost:{port}/");
        var wrongExit = await wrongPin.WaitForExitAsync();

        Assert.Equal(0, exit);
        Assert.Equal("hello, curl\n", curl.Output);
        Assert.Equal(90, wrongExit);
        Assert.Contains("SSL: public key does not match pinned public key", wrongPin.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S_client_starttls_smtp_upgrades_against_our_server_side_starttls()
    {
        var serverOptions = new TlsServerOptions(TestCertificates.Instance.Localhost);
        var port = await _reactor.InvokeAsync(() => ((IPEndPoint)_reactor.Reactor.ListenTcp(
            0, Factory.ForProtocol(() => new SmtpLikeServer(serverOptions)), bindAddress: "127.0.0.1").GetHost()).Port);

        await using var client = PeerProcess.Start(
            "openssl", "s_client", "-starttls", "smtp", "-connect", $"127.0.0.1:{port}", "-servername", "localhost",
            "-CAfile", TestCertificates.Instance.CaPem, "-verify_return_error", "-brief");
        await client.WaitForLineAsync(line => line == "Verification: OK");
        await client.Input.WriteAsync("hello over starttls\n");
        await client.Input.FlushAsync();
        var echoed = await client.WaitForLineAsync(line => line.StartsWith("250 tls", StringComparison.Ordinal));

        // End of input makes s_client send close_notify and exit (it reads a typed "Q..." line as its own quit command).
        client.Input.Close();
        var exit = await client.WaitForExitAsync();

        Assert.Equal("250 tls echo: hello over starttls", echoed);
        Assert.Equal(0, exit);
    }

    /// <summary>Echoes the first line, then closes (with close_notify).</summary>
    private sealed class LineEchoThenClose : Protocol
    {
        private readonly List<byte> _line = [];

        public override void DataReceived(ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                _line.Add(b);
                if (b == (byte)'\n')
                {
                    Transport.Write([.. _line]);
                    Transport.LoseConnection();
                    return;
                }
            }
        }
    }

    /// <summary>Answers any request with one fixed response, then closes.</summary>
    private sealed class TinyHttpResponder : Protocol
    {
        private readonly StringBuilder _request = new();

        public override void DataReceived(ReadOnlySpan<byte> data)
        {
            _request.Append(Encoding.ASCII.GetString(data));
            if (_request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                Transport.Write("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\n\r\nhello, curl\n"u8);
                Transport.LoseConnection();
            }
        }
    }
}
