using System.Globalization;
using System.Text;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>A client engine over a real socket against <c>openssl s_server</c>.</summary>
public sealed class OpenSslServerTests : IDisposable
{
    private readonly TestLoop _loop = new();

    public void Dispose()
    {
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    private static TestCertificates Certificates => TestCertificates.Instance;

    private static TlsClientOptions TrustingCa(string serverName = "localhost") => new()
    {
        ServerName = serverName,
        TrustedAuthorities = Certificates.CaCollection,
        AllowResumption = false,
    };

    /// <summary>Starts a one-connection s_server on an ephemeral loopback port.</summary>
    private static async Task<(PeerProcess Server, int Port)> StartServerWithCertificateAsync(string certificate, string key, params string[] extra)
    {
        string[] arguments = ["s_server", "-accept", "127.0.0.1:0", "-naccept", "1", "-cert", certificate, "-key", key, .. extra];
        var server = PeerProcess.Start("openssl", arguments);
        var accept = await server.WaitForLineAsync(line => line.StartsWith("ACCEPT ", StringComparison.Ordinal));
        return (server, int.Parse(accept[(accept.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
    }

    private static Task<(PeerProcess Server, int Port)> StartServerAsync(params string[] extra) =>
        StartServerWithCertificateAsync(Certificates.LocalhostPem, Certificates.LocalhostKey, extra);

    private async Task<string> ReceivedTextAsync(SocketPump pump) =>
        Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pump.Host.ReceivedBytes));

    [Fact]
    public async Task Lines_sent_to_s_server_rev_come_back_reversed_and_a_clean_close_follows()
    {
        var (server, port) = await StartServerAsync("-rev");
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, TrustingCa());

        var session = await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pump.Engine.WritePlaintext("hello world\nNetScope\n"u8));
        await pump.Host.WaitForReceivedAsync(21).WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pump.Engine.Shutdown());
        await pump.TransportEnded.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsProtocolVersion.Tls13, session.ProtocolVersion);
        Assert.Equal(TlsVerificationStatus.Trusted, session.Verification.Status);
        Assert.Equal("dlrow olleh\nepocSteN\n", await ReceivedTextAsync(pump));
        Assert.Equal(TlsEngineState.Closed, await _loop.InvokeAsync(() => pump.Engine.State));
        Assert.False(pump.Host.Failure.Task.IsCompleted);
        Assert.Equal(0, await server.WaitForExitAsync());
    }

    [Fact]
    public async Task Without_the_ca_file_the_certificate_fails_as_unknown_issuer()
    {
        var (server, port) = await StartServerAsync();
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, new TlsClientOptions { ServerName = "localhost" });

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.UnknownIssuer, failure.Kind);
        Assert.Equal("issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store", failure.Message);
    }

    [Fact]
    public async Task A_name_the_certificate_lacks_fails_as_name_mismatch()
    {
        var (server, port) = await StartServerAsync();
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, TrustingCa("www.example.test"));

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.NameMismatch, failure.Kind);
        Assert.Equal("certificate is not valid for 'www.example.test'; it has DNS:localhost, IP:127.0.0.1, IP:::1", failure.Message);
    }

    [Fact]
    public async Task An_expired_server_certificate_fails_with_its_dates()
    {
        var (server, port) = await StartServerWithCertificateAsync(Certificates.ExpiredPem, Certificates.ExpiredKey);
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, TrustingCa());

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.CertificateExpired, failure.Kind);
        Assert.StartsWith("certificate 'CN=expired.localhost' expired on 2021-01-01 00:00:00Z (valid 2020-01-01 00:00:00Z to 2021-01-01 00:00:00Z, checked at ", failure.Message);
    }

    [Fact]
    public async Task Insecure_mode_talks_to_an_expired_server_and_reports_why_it_should_not()
    {
        var (server, port) = await StartServerWithCertificateAsync(Certificates.ExpiredPem, Certificates.ExpiredKey, "-rev");
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, new TlsClientOptions { ServerName = "localhost", Insecure = true });

        var session = await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pump.Engine.WritePlaintext("abc\n"u8));
        await pump.Host.WaitForReceivedAsync(4).WaitAsync(TestTimeouts.Operation);

        Assert.Equal([TlsVerificationStatus.UnknownIssuer, TlsVerificationStatus.Expired], session.Verification.Problems);
        Assert.False(session.Verification.Enforced);
        Assert.Equal("cba\n", await ReceivedTextAsync(pump));
    }

    [Fact]
    public async Task S_server_sees_the_offered_alpn_list_and_its_choice_is_reported()
    {
        var (server, port) = await StartServerAsync("-alpn", "http/1.1,h2");
        await using var _ = server;
        var options = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = Certificates.CaCollection,
            ApplicationProtocols = ["h2", "http/1.1"],
        };
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, options);

        var session = await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pump.Engine.Shutdown());
        await server.WaitForExitAsync();

        Assert.Equal("http/1.1", session.ApplicationProtocol);
        Assert.Contains("ALPN protocols advertised by the client: h2, http/1.1\n", server.Output);
        Assert.Contains("ALPN protocols selected: http/1.1\n", server.Output);
    }

    [Fact]
    public async Task The_sni_name_reaches_s_server_and_an_unknown_one_is_refused_with_an_alert()
    {
        // s_server serves -cert2 to clients whose SNI is -servername, and refuses other names.
        string[] sni = ["-servername", "localhost", "-cert2", Certificates.LocalhostPem, "-key2", Certificates.LocalhostKey, "-servername_fatal"];
        var (good, goodPort) = await StartServerWithCertificateAsync(Certificates.ExpiredPem, Certificates.ExpiredKey, sni);
        await using var __ = good;
        var (bad, badPort) = await StartServerWithCertificateAsync(Certificates.ExpiredPem, Certificates.ExpiredKey, sni);
        await using var ___ = bad;

        using var accepted = await SocketPump.ConnectClientAsync(_loop, goodPort, TrustingCa());
        var session = await accepted.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        using var refused = await SocketPump.ConnectClientAsync(_loop, badPort, new TlsClientOptions { ServerName = "other.test", Insecure = true });
        var failure = await refused.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("CN=localhost", session.PeerCertificates[0].Subject);
        Assert.Equal("localhost", session.ServerName);
        Assert.Equal(TlsFailureKind.HandshakeFailed, failure.Kind);
        Assert.Equal(("unrecognized_name", true), (failure.Alert, failure.AlertFromPeer));
        Assert.StartsWith("peer sent alert unrecognized_name: ", failure.Message);
    }

    [Theory]
    [InlineData("-tls1_2", TlsProtocolVersion.Tls13, TlsProtocolVersion.Tls13, "this side offered only TLS 1.3")]
    [InlineData("-tls1_3", TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12, "this side offered only TLS 1.2")]
    public async Task No_version_in_common_with_s_server_is_a_version_mismatch(string serverVersion, TlsProtocolVersion min, TlsProtocolVersion max, string offered)
    {
        var (server, port) = await StartServerAsync(serverVersion);
        await using var _ = server;
        var options = new TlsClientOptions { ServerName = "localhost", TrustedAuthorities = Certificates.CaCollection, MinVersion = min, MaxVersion = max };
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, options);

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.ProtocolVersionMismatch, failure.Kind);
        Assert.Contains(offered, failure.Message);
    }

    [Fact]
    public async Task No_cipher_in_common_with_s_server_is_reported_as_such()
    {
        var (server, port) = await StartServerAsync("-tls1_2", "-cipher", "PSK-AES128-GCM-SHA256", "-psk", "0102030405060708");
        await using var _ = server;
        var options = new TlsClientOptions { ServerName = "localhost", TrustedAuthorities = Certificates.CaCollection, MaxVersion = TlsProtocolVersion.Tls12 };
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, options);

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.NoSharedCipher, failure.Kind);
        Assert.Equal("no cipher suite, signature algorithm or group in common: peer sent alert handshake_failure in answer to the ClientHello", failure.Message);
    }

    [Fact]
    public async Task A_client_certificate_from_pem_files_is_verified_by_s_server()
    {
        var (server, port) = await StartServerAsync("-verify", "1", "-CAfile", Certificates.CaPem);
        await using var _ = server;
        var (certificate, chain) = TlsCertificates.LoadCertificateWithKey(Certificates.ClientPem, Certificates.ClientKey);
        var options = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TlsCertificates.LoadPemBundle(Certificates.CaPem),
            ClientCertificate = certificate,
            ClientCertificateChain = chain,
        };
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, options);

        await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pump.Engine.Shutdown());
        await server.WaitForExitAsync();

        // s_server's verify callback writes to stderr and its connection summary to stdout.
        Assert.Contains("depth=1 CN = NetScope Test CA\nverify return:1\ndepth=0 CN = netscope-client\nverify return:1\n", server.StandardError);
        Assert.Contains("subject=CN = netscope-client\nissuer=CN = NetScope Test CA\n", server.StandardOutput);
    }

    [Fact]
    public async Task A_server_that_requires_a_missing_client_certificate_fails_the_tls12_handshake_with_its_alert()
    {
        var (server, port) = await StartServerAsync("-Verify", "1", "-CAfile", Certificates.CaPem, "-tls1_2");
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, TrustingCa());

        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.HandshakeFailed, failure.Kind);
        Assert.Equal(("handshake_failure", true), (failure.Alert, failure.AlertFromPeer));
        Assert.True(failure.DuringHandshake);
    }

    [Fact]
    public async Task In_tls13_a_missing_client_certificate_is_refused_after_the_handshake_with_its_alert()
    {
        var (server, port) = await StartServerAsync("-Verify", "1", "-CAfile", Certificates.CaPem);
        await using var _ = server;
        using var pump = await SocketPump.ConnectClientAsync(_loop, port, TrustingCa());

        // TLS 1.3 finishes the client's handshake before the server has judged the client's (empty) certificate.
        await pump.Host.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        var failure = await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.ConnectionError, failure.Kind);
        Assert.Equal(("certificate_required", true), (failure.Alert, failure.AlertFromPeer));
        Assert.StartsWith("peer sent alert certificate_required after the handshake: ", failure.Message);
        Assert.False(failure.DuringHandshake);
    }
}
