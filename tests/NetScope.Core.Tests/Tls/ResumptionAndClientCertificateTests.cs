using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>Session resumption and client certificates, engine to engine.</summary>
public sealed class ResumptionAndClientCertificateTests : IDisposable
{
    private readonly TestLoop _loop = new();

    public void Dispose()
    {
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    // .NET's client session cache is process-wide and keyed by host name, so each test uses its own name
    // (accepted through insecure mode) to stay independent of tests running in parallel.
    private static TlsClientOptions ClientFor(string host, TlsProtocolVersion max, bool allowResumption = true) => new()
    {
        ServerName = host,
        Insecure = true,
        MaxVersion = max,
        AllowResumption = allowResumption,
    };

    private async Task<(TlsSessionInfo Client, TlsSessionInfo Server)> ConnectAsync(TlsClientOptions client, TlsServerOptions server)
    {
        using var pair = await EnginePair.StartAsync(_loop, client, server);
        var sessions = await pair.HandshakeAsync();

        // Exchange data both ways so the client reads the server's post-handshake messages (TLS 1.3
        // session tickets travel after the handshake), then close cleanly.
        await _loop.InvokeAsync(() => pair.Server.WritePlaintext("x"u8));
        await pair.ClientHost.WaitForReceivedAsync(1).WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pair.Client.Shutdown());
        await pair.ServerHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);
        return sessions;
    }

    [Theory]
    [InlineData(TlsProtocolVersion.Tls13, "resume-tls13.test")]
    [InlineData(TlsProtocolVersion.Tls12, "resume-tls12.test")]
    public async Task A_second_connection_to_the_same_host_resumes_and_both_sides_can_tell(TlsProtocolVersion version, string host)
    {
        var server = new TlsServerOptions(TestCertificates.Instance.Localhost);

        var first = await ConnectAsync(ClientFor(host, version), server);
        var second = await ConnectAsync(ClientFor(host, version), server);

        Assert.Equal((false, false, false), (first.Client.ResumptionOffered, first.Client.Resumed, first.Server.Resumed));
        Assert.Equal((true, true, true), (second.Client.ResumptionOffered, second.Client.Resumed, second.Server.Resumed));
        Assert.Equal(version, second.Client.ProtocolVersion);

        // .NET runs the certificate check on a resumed session too, with the certificate from the session.
        Assert.Equal("CN=localhost", second.Client.PeerCertificates[0].Subject);
        Assert.Equal(TlsVerificationStatus.UnknownIssuer, second.Client.Verification.Status);
    }

    [Fact]
    public async Task A_session_offered_to_a_server_that_does_not_know_it_is_declined_and_the_session_says_so()
    {
        await ConnectAsync(ClientFor("resume-declined.test", TlsProtocolVersion.Tls13), new TlsServerOptions(TestCertificates.Instance.Localhost));
        using var otherCertificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);

        var second = await ConnectAsync(ClientFor("resume-declined.test", TlsProtocolVersion.Tls13), new TlsServerOptions(otherCertificate));

        Assert.Equal((true, false, false), (second.Client.ResumptionOffered, second.Client.Resumed, second.Server.Resumed));
    }

    [Fact]
    public async Task Resumption_can_be_turned_off()
    {
        var server = new TlsServerOptions(TestCertificates.Instance.Localhost);

        await ConnectAsync(ClientFor("resume-off.test", TlsProtocolVersion.Tls13, allowResumption: false), server);
        var second = await ConnectAsync(ClientFor("resume-off.test", TlsProtocolVersion.Tls13, allowResumption: false), server);

        Assert.Equal((false, false, false), (second.Client.ResumptionOffered, second.Client.Resumed, second.Server.Resumed));
    }

    [Theory]
    [InlineData(TlsProtocolVersion.Tls13)]
    [InlineData(TlsProtocolVersion.Tls12)]
    public async Task A_requested_client_certificate_is_reported_and_verified_by_the_server(TlsProtocolVersion version)
    {
        var client = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TestCertificates.Instance.CaCollection,
            ClientCertificate = TestCertificates.Instance.Client,
            MaxVersion = version,
            AllowResumption = false,
        };
        var server = new TlsServerOptions(TestCertificates.Instance.Localhost)
        {
            RequestClientCertificate = true,
            ClientCertificateAuthorities = TestCertificates.Instance.CaCollection,
        };
        using var pair = await EnginePair.StartAsync(_loop, client, server);

        var (_, atServer) = await pair.HandshakeAsync();

        Assert.Equal(["CN=netscope-client"], atServer.PeerCertificates.Select(c => c.Subject));
        Assert.Equal(["CN=netscope-client", "CN=NetScope Test CA"], atServer.Verification.VerifiedPath.Select(c => c.Subject));
        Assert.Equal(TlsVerificationStatus.Trusted, atServer.Verification.Status);
        Assert.False(atServer.Verification.Enforced);
    }

    [Fact]
    public async Task A_client_without_a_certificate_still_connects_and_the_server_says_so()
    {
        var server = new TlsServerOptions(TestCertificates.Instance.Localhost) { RequestClientCertificate = true };
        using var pair = await EnginePair.StartAsync(_loop, EngineToEngineTests.ClientOptions(), server);

        var (_, atServer) = await pair.HandshakeAsync();

        Assert.Equal(TlsVerificationStatus.NoCertificate, atServer.Verification.Status);
        Assert.Equal("peer sent no certificate", atServer.Verification.Reason);
        Assert.Empty(atServer.PeerCertificates);
    }
}
