using System.Net;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>STARTTLS: a plaintext TCP connection upgraded in place, client and server side.</summary>
public sealed class StartTlsTests : IDisposable
{
    private readonly ReactorThread _reactor = new();

    public void Dispose() => _reactor.Dispose();

    private static TlsServerOptions ServerOptions => new(TestCertificates.Instance.Localhost);

    private static TlsClientOptions TrustingCa => new()
    {
        ServerName = "localhost",
        TrustedAuthorities = TestCertificates.Instance.CaCollection,
        AllowResumption = false,
    };

    private async Task<(int Port, TaskCompletionSource<SmtpLikeServer> Server)> ListenSmtpAsync()
    {
        var server = new TaskCompletionSource<SmtpLikeServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await _reactor.InvokeAsync(() => ((IPEndPoint)_reactor.Reactor.ListenTcp(
            0,
            Factory.ForProtocol(() =>
            {
                var smtp = new SmtpLikeServer(ServerOptions);
                server.TrySetResult(smtp);
                return smtp;
            }),
            bindAddress: "127.0.0.1").GetHost()).Port);
        return (port, server);
    }

    [Fact]
    public async Task The_same_protocol_keeps_talking_over_the_same_transport_after_upgrading_both_ends()
    {
        var (port, serverSide) = await ListenSmtpAsync();
        ITransport? before = null;
        ITlsTransport? upgraded = null;
        var client = new Recorder
        {
            OnData = (c, _) =>
            {
                var text = c.ReceivedText;
                if (text.EndsWith("ESMTP\r\n", StringComparison.Ordinal))
                {
                    before = c.Transport;
                    c.Transport.Write("EHLO me\r\nsecret in plaintext?\r\n"u8);
                }
                else if (text.EndsWith("250 plain echo: secret in plaintext?\r\n", StringComparison.Ordinal))
                {
                    c.Transport.Write("STARTTLS\r\n"u8);
                }
                else if (text.EndsWith("220 2.0.0 ready to start TLS\r\n", StringComparison.Ordinal))
                {
                    upgraded = ((ITlsUpgradable)c.Transport).StartTls(TrustingCa);
                    c.Transport.Write("EHLO me\r\nhello\r\nQUIT\r\n"u8);
                }
            },
        };

        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", port, new ClientFactory(() => client)));
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var server = await serverSide.Task;

        Assert.IsType<ConnectionDoneException>(reason);
        Assert.Equal(
            "220 netscope test ESMTP\r\n250-netscope\r\n250 STARTTLS\r\n250 plain echo: secret in plaintext?\r\n"
            + "220 2.0.0 ready to start TLS\r\n250 netscope\r\n250 tls echo: hello\r\n221 bye\r\n",
            client.ReceivedText);
        Assert.Same(before, client.Transport);
        var tcp = Assert.IsAssignableFrom<ITlsUpgradable>(client.Transport);
        Assert.Same(upgraded, tcp.Tls);
        Assert.Equal(TlsProtocolVersion.Tls13, upgraded!.Session!.ProtocolVersion);
        Assert.Equal(TlsVerificationStatus.Trusted, upgraded.Session.Verification.Status);
        Assert.Equal("localhost", server.Tls!.Session!.ServerName);
        Assert.Equal(TlsRole.Server, server.Tls.Role);
        Assert.Equal([TransportState.TlsHandshaking, TransportState.Established, TransportState.ReadClosed, TransportState.Closing, TransportState.Closed], upgraded.Stats.States());
        Assert.Equal("tcp", client.Transport.Stats.Kind);
        Assert.Equal("EHLO me\r\nhello\r\nQUIT\r\n".Length, upgraded.Stats.BytesSent);
    }

    [Fact]
    public async Task Starting_tls_twice_or_on_a_closing_connection_is_refused()
    {
        var (port, _) = await ListenSmtpAsync();
        var client = new Recorder();

        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", port, new ClientFactory(() => client)));
        await client.Made.Task.WaitAsync(TestTimeouts.Operation);
        var twice = await _reactor.InvokeAsync(() =>
        {
            var upgradable = (ITlsUpgradable)client.Transport;
            upgradable.StartTls(TrustingCa);
            return Record.Exception(() => upgradable.StartTls(TrustingCa));
        });
        var other = new Recorder();
        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", port, new ClientFactory(() => other)));
        await other.Made.Task.WaitAsync(TestTimeouts.Operation);
        var closing = await _reactor.InvokeAsync(() =>
        {
            other.Transport.LoseConnection();
            return Record.Exception(() => ((ITlsUpgradable)other.Transport).StartTls(TrustingCa));
        });

        Assert.Equal("TLS was already started on this connection.", Assert.IsType<InvalidOperationException>(twice).Message);
        Assert.Equal("The connection is closing; TLS cannot start on it.", Assert.IsType<InvalidOperationException>(closing).Message);
    }
}
