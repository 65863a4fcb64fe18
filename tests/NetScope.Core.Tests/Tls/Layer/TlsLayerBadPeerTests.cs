using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>
/// Peers that break the handshake, each failing the TLS connection with its own kind and message while the
/// same reactor goes on serving a plain echo exchange.
/// </summary>
public sealed class TlsLayerBadPeerTests : IDisposable
{
    private readonly ReactorThread _reactor = new();

    public void Dispose() => _reactor.Dispose();

    private static TlsClientOptions TrustingCa => new()
    {
        ServerName = "localhost",
        TrustedAuthorities = TestCertificates.Instance.CaCollection,
        AllowResumption = false,
    };

    public static TheoryData<string, TlsFailureKind, string> Peers => new()
    {
        { "http", TlsFailureKind.PlaintextPeer, "peer is not speaking TLS: it sent an HTTP response: \"HTTP/1.1 400 Bad Request\"" },
        { "reset", TlsFailureKind.PeerClosedDuringHandshake, "peer reset the connection (connection reset by peer) during the handshake, before answering the ClientHello" },
        { "hang-up", TlsFailureKind.PeerClosedDuringHandshake, "peer closed the connection during the handshake, before answering the ClientHello" },
    };

    [Theory]
    [MemberData(nameof(Peers))]
    public async Task A_bad_peer_fails_the_handshake_with_its_own_kind_while_the_reactor_serves_others(string peer, TlsFailureKind kind, string message)
    {
        var badPort = await ListenTcpAsync(() => new Recorder
        {
            OnData = (r, _) =>
            {
                switch (peer)
                {
                    case "http":
                        r.Transport.Write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8);
                        break;
                    case "reset":
                        r.Transport.AbortConnection();
                        break;
                    default:
                        r.Transport.LoseConnection();
                        break;
                }
            },
        });
        var client = new Recorder();

        await ConnectSslAsync(badPort, client, TrustingCa);
        var echoed = EchoExchangeAsync();
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("ping over the same reactor", await echoed);
        var failure = Assert.IsType<TlsFailureException>(reason).Failure;
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(message, failure.Message);
        Assert.True(failure.DuringHandshake);
    }

    [Fact]
    public async Task A_peer_that_never_answers_times_out_after_the_handshake_limit_while_the_reactor_serves_others()
    {
        var silentPort = await ListenTcpAsync(() => new Silent());
        var client = new Recorder();
        // Long enough that a loaded machine finishes the echo exchange below well within it.
        var layer = new TlsLayerOptions { HandshakeTimeoutSeconds = 3 };

        await ConnectSslAsync(silentPort, client, TrustingCa, layer);
        var echoed = await EchoExchangeAsync();
        var stateAfterEcho = await _reactor.InvokeAsync(() => client.Tls().TlsState);
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("ping over the same reactor", echoed);
        Assert.Equal(TlsEngineState.Handshaking, stateAfterEcho);
        var failure = Assert.IsType<TlsFailureException>(reason).Failure;
        Assert.Equal(TlsFailureKind.HandshakeTimeout, failure.Kind);
        Assert.Equal("TLS handshake timed out after 3s: the server sent nothing in answer to the ClientHello", failure.Message);
        Assert.Equal(["connected", "lost: TlsFailureException"], client.Events);
    }

    [Fact]
    public async Task A_client_that_never_sends_a_client_hello_times_out_on_the_server()
    {
        var server = new TaskCompletionSource<Recorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await _reactor.InvokeAsync(() => ((IPEndPoint)_reactor.Reactor.ListenSsl(
            0,
            Factory.ForProtocol(() =>
            {
                var recorder = new Recorder();
                server.TrySetResult(recorder);
                return recorder;
            }),
            new TlsServerOptions(TestCertificates.Instance.Localhost),
            new TlsLayerOptions { HandshakeTimeoutSeconds = 0.5 },
            bindAddress: "127.0.0.1").GetHost()).Port);
        var silentClient = new Recorder();

        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", port, new ClientFactory(() => silentClient)));
        var reason = await (await server.Task.WaitAsync(TestTimeouts.Operation)).Lost.Task.WaitAsync(TestTimeouts.Operation);

        var failure = Assert.IsType<TlsFailureException>(reason).Failure;
        Assert.Equal(TlsFailureKind.HandshakeTimeout, failure.Kind);
        Assert.Equal("TLS handshake timed out after 0.5s: the client sent no ClientHello", failure.Message);
        await silentClient.Lost.Task.WaitAsync(TestTimeouts.Operation);
    }

    private async Task<int> ListenTcpAsync(Func<IProtocol> build)
    {
        var port = await _reactor.InvokeAsync(() => _reactor.Reactor.ListenTcp(0, Factory.ForProtocol(build), bindAddress: "127.0.0.1"));
        return ((IPEndPoint)port.GetHost()).Port;
    }

    private Task ConnectSslAsync(int port, IProtocol client, TlsClientOptions options, TlsLayerOptions? layer = null) =>
        _reactor.InvokeAsync(() => _reactor.Reactor.ConnectSsl("127.0.0.1", port, new ClientFactory(() => client), options, 10, layer));

    /// <summary>A plain TCP echo round trip on the same reactor.</summary>
    private async Task<string> EchoExchangeAsync()
    {
        var echoPort = await ListenTcpAsync(() => new Echo());
        var client = new Recorder { OnConnected = c => c.Transport.Write("ping over the same reactor"u8) };
        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", echoPort, new ClientFactory(() => client), 10));
        await client.WaitForReceivedAsync(26);
        await _reactor.InvokeAsync(() => client.Transport.LoseConnection());
        return client.ReceivedText;
    }
}
