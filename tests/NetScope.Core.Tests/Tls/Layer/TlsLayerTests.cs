using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>The TLS layer on a real reactor, our client against our server over loopback.</summary>
public sealed class TlsLayerTests : IDisposable
{
    private readonly ReactorThread _reactor = new();

    public void Dispose() => _reactor.Dispose();

    private static TestCertificates Certificates => TestCertificates.Instance;

    private static TlsClientOptions TrustingCa(string serverName = "localhost") => new()
    {
        ServerName = serverName,
        TrustedAuthorities = Certificates.CaCollection,
        AllowResumption = false,
    };

    private async Task<int> ListenSslAsync(Func<IProtocol> build, TlsLayerOptions? layer = null)
    {
        var port = await _reactor.InvokeAsync(() =>
            _reactor.Reactor.ListenSsl(0, Factory.ForProtocol(build), new TlsServerOptions(Certificates.Localhost), layer, bindAddress: "127.0.0.1"));
        return ((IPEndPoint)port.GetHost()).Port;
    }

    private async Task<int> ListenTcpAsync(Func<IProtocol> build)
    {
        var port = await _reactor.InvokeAsync(() => _reactor.Reactor.ListenTcp(0, Factory.ForProtocol(build), bindAddress: "127.0.0.1"));
        return ((IPEndPoint)port.GetHost()).Port;
    }

    private Task ConnectSslAsync(int port, IProtocol client, TlsClientOptions options, TlsLayerOptions? layer = null) =>
        _reactor.InvokeAsync(() => _reactor.Reactor.ConnectSsl("127.0.0.1", port, new ClientFactory(() => client), options, 10, layer));

    private Task ConnectTcpAsync(int port, IProtocol client) =>
        _reactor.InvokeAsync(() => _reactor.Reactor.ConnectTcp("127.0.0.1", port, new ClientFactory(() => client), 10));

    [Fact]
    public async Task Data_written_before_the_handshake_is_echoed_and_a_close_ends_both_sides_cleanly()
    {
        var serverSide = new TaskCompletionSource<Recorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await ListenSslAsync(() =>
        {
            var server = new Recorder { OnData = (r, data) => r.Transport.Write(data) };
            serverSide.TrySetResult(server);
            return server;
        });
        var client = new Recorder { OnConnected = c => c.Transport.Write("hello, tls\n"u8) };

        await ConnectSslAsync(port, client, TrustingCa());
        await client.WaitForReceivedAsync(11);
        var (clientStatus, serverStatus) = await _reactor.InvokeAsync(() => (client.Tls().GetStatus(), serverSide.Task.Result.Tls().GetStatus()));
        await _reactor.InvokeAsync(() => client.Transport.LoseConnection());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var server = await serverSide.Task;
        var serverReason = await server.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("hello, tls\n", client.ReceivedText);
        Assert.IsType<ConnectionDoneException>(reason);
        Assert.IsType<ConnectionDoneException>(serverReason);
        Assert.Equal(["connected", "handshake", "lost: ConnectionDoneException"], client.Events);
        Assert.Equal(["connected", "handshake", "lost: ConnectionDoneException"], server.Events);

        Assert.Equal(TlsEngineState.Established, clientStatus.State);
        Assert.Equal(TlsProtocolVersion.Tls13, clientStatus.Session!.ProtocolVersion);
        Assert.Equal(TlsVerificationStatus.Trusted, clientStatus.Verification.Status);
        Assert.Equal("CN=localhost", clientStatus.PeerCertificates[0].Subject);
        Assert.Equal("localhost", clientStatus.ServerNameSent);
        Assert.Null(clientStatus.ServerNameReceived);
        Assert.Equal("localhost", serverStatus.ServerNameReceived);
        Assert.Equal(TlsRole.Server, serverStatus.Role);

        var clientTls = client.Tls();
        Assert.Equal("tls", clientTls.Stats.Kind);
        Assert.Equal("tcp", clientTls.LowerTransport.Stats.Kind);
        Assert.Equal(
            [TransportState.TlsHandshaking, TransportState.Established, TransportState.Closing, TransportState.Closed],
            clientTls.Stats.States());
        Assert.Equal((11, 11), (clientTls.Stats.BytesSent, clientTls.Stats.BytesReceived));
        Assert.True(clientTls.LowerTransport.Stats.BytesSent > 11, "the TCP record counts ciphertext, which is longer");
        Assert.Equal(
            [TransportState.TlsHandshaking, TransportState.Established, TransportState.ReadClosed, TransportState.Closing, TransportState.Closed],
            server.Tls().Stats.States());
    }

    [Fact]
    public async Task A_half_close_sends_close_notify_and_the_peer_can_still_answer_before_closing()
    {
        var serverSide = new TaskCompletionSource<HalfCloseRecorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await ListenSslAsync(() =>
        {
            var server = new HalfCloseRecorder
            {
                OnReadClosed = r =>
                {
                    r.Transport.Write("got: "u8);
                    r.Transport.Write(r.Received);
                    r.Transport.LoseConnection();
                },
            };
            serverSide.TrySetResult(server);
            return server;
        });
        var client = new HalfCloseRecorder
        {
            OnConnected = c =>
            {
                c.Transport.Write("question"u8);
                ((ITcpTransport)c.Transport).LoseWriteConnection();
            },
        };

        await ConnectSslAsync(port, client, TrustingCa());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var server = await serverSide.Task;
        await server.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.IsType<ConnectionDoneException>(reason);
        Assert.Equal("got: question", client.ReceivedText);
        Assert.Equal(["connected", "handshake", "write closed", "read closed", "lost: ConnectionDoneException"], client.Events);
        Assert.Equal(["connected", "handshake", "read closed", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(
            [TransportState.TlsHandshaking, TransportState.Established, TransportState.WriteClosed, TransportState.ReadClosed, TransportState.Closing, TransportState.Closed],
            client.Tls().Stats.States());
    }

    [Fact]
    public async Task A_peer_that_closes_without_close_notify_is_reported_as_a_truncated_close()
    {
        var port = await ListenSslAsync(() => new Recorder
        {
            OnHandshake = r =>
            {
                r.Transport.Write("partial answ"u8);
                r.Tls().LowerTransport.LoseConnection();
            },
        });
        var client = new Recorder();

        await ConnectSslAsync(port, client, TrustingCa());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);

        var failure = Assert.IsType<TlsFailureException>(reason).Failure;
        Assert.Equal(TlsFailureKind.TruncatedClose, failure.Kind);
        Assert.Equal("peer closed the connection without close_notify: the data may be truncated", failure.Message);
        Assert.Equal("partial answ", client.ReceivedText);
        Assert.Equal(TransportState.Failed, client.Tls().Stats.State);
        Assert.Equal(failure.Message, client.Tls().Stats.EndReason);
    }

    [Fact]
    public async Task A_certificate_the_client_refuses_fails_the_handshake_for_the_protocol_and_every_waiter()
    {
        var port = await ListenSslAsync(() => new Recorder());
        var client = new Recorder();
        Deferred<TlsSessionInfo>? waiter = null;
        var waiterOutcome = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);

        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectSsl(
            "127.0.0.1", port, new ClientFactory(() => client), new TlsClientOptions { ServerName = "localhost" }));
        await client.Made.Task.WaitAsync(TestTimeouts.Operation);
        await _reactor.InvokeAsync(() =>
        {
            waiter = client.Tls().NotifyHandshakeCompleted();
            waiter.AddBoth(outcome => waiterOutcome.TrySetResult(outcome));
        });
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var outcome = await waiterOutcome.Task.WaitAsync(TestTimeouts.Operation);
        var late = await _reactor.InvokeAsync(() => client.Tls().NotifyHandshakeCompleted().Result);

        var failure = Assert.IsType<TlsFailureException>(reason).Failure;
        Assert.Equal(TlsFailureKind.UnknownIssuer, failure.Kind);
        Assert.Equal("issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store", failure.Message);
        Assert.Same(failure, Assert.IsType<TlsFailureException>(Assert.IsType<Failure>(outcome).Value).Failure);
        Assert.Same(failure, Assert.IsType<TlsFailureException>(Assert.IsType<Failure>(late).Value).Failure);
        Assert.Equal(["connected", "lost: TlsFailureException"], client.Events);
        Assert.Equal(TlsEngineState.Failed, client.Tls().TlsState);
        Assert.Equal([TransportState.TlsHandshaking, TransportState.Failed], client.Tls().Stats.States());
    }

    [Fact]
    public async Task Aborting_drops_the_connection_at_once_and_the_server_sees_a_reset()
    {
        var serverSide = new TaskCompletionSource<Recorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await ListenSslAsync(() =>
        {
            var server = new Recorder();
            serverSide.TrySetResult(server);
            return server;
        });
        var client = new Recorder { OnHandshake = c => c.Transport.AbortConnection() };

        await ConnectSslAsync(port, client, TrustingCa());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var serverReason = await (await serverSide.Task).Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.IsType<ConnectionAbortedException>(reason);
        Assert.IsType<ConnectionResetException>(serverReason);
    }

    [Fact]
    public async Task A_protocol_that_throws_loses_its_connection_with_that_exception()
    {
        var port = await ListenSslAsync(() => new Echo());
        var client = new Recorder
        {
            OnConnected = c => c.Transport.Write("x"u8),
            OnData = (_, _) => throw new InvalidOperationException("protocol bug"),
        };

        await ConnectSslAsync(port, client, TrustingCa());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal("protocol bug", Assert.IsType<InvalidOperationException>(reason).Message);
    }

    [Fact]
    public async Task Reading_paused_by_the_application_holds_data_back_until_it_resumes()
    {
        var serverSide = new TaskCompletionSource<Recorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await ListenSslAsync(() =>
        {
            var server = new Recorder { OnHandshake = r => r.Transport.Write("held back"u8) };
            serverSide.TrySetResult(server);
            return server;
        });
        var client = new Recorder { OnConnected = c => c.Transport.PauseProducing() };
        var echoPort = await ListenTcpAsync(() => new Echo());

        await ConnectSslAsync(port, client, TrustingCa());
        await client.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await (await serverSide.Task).Handshake.Task.WaitAsync(TestTimeouts.Operation);

        // The server wrote in its handshake callback, so the bytes are on their way. A round trip through
        // another connection on the same reactor gives the client every chance to read them, had it not paused.
        var other = new Recorder { OnConnected = c => c.Transport.Write("ping"u8) };
        await ConnectTcpAsync(echoPort, other);
        await other.WaitForReceivedAsync(4);
        var whilePaused = client.ReceivedText;
        var paused = await _reactor.InvokeAsync(() => (client.Tls().Stats.ReadingPaused, client.Tls().LowerTransport.Stats.ReadingPaused));
        await _reactor.InvokeAsync(() => client.Transport.ResumeProducing());
        await client.WaitForReceivedAsync(9);

        Assert.Equal("", whilePaused);
        Assert.Equal((true, true), paused);
        Assert.Equal("held back", client.ReceivedText);
    }

    [Fact]
    public async Task Closing_during_the_handshake_with_data_queued_sends_it_first_then_closes_cleanly()
    {
        var serverSide = new TaskCompletionSource<HalfCloseRecorder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = await ListenSslAsync(() =>
        {
            var server = new HalfCloseRecorder { OnReadClosed = r => r.Transport.LoseConnection() };
            serverSide.TrySetResult(server);
            return server;
        });
        var client = new Recorder
        {
            OnConnected = c =>
            {
                c.Transport.Write("last words"u8);
                c.Transport.LoseConnection();
                c.Transport.Write("dropped after LoseConnection"u8);
            },
        };

        await ConnectSslAsync(port, client, TrustingCa());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);
        var server = await serverSide.Task;
        await server.ReadClosed.Task.WaitAsync(TestTimeouts.Operation);

        Assert.IsType<ConnectionDoneException>(reason);
        Assert.Equal("last words", server.ReceivedText);
    }

    [Fact]
    public async Task Stopping_the_reactor_closes_tls_connections_with_close_notify()
    {
        using var serverReactor = new ReactorThread();
        var server = new Recorder();
        var port = await serverReactor.InvokeAsync(() =>
            ((IPEndPoint)serverReactor.Reactor.ListenSsl(0, Factory.ForProtocol(() => server), new TlsServerOptions(Certificates.Localhost), bindAddress: "127.0.0.1").GetHost()).Port);
        var client = new HalfCloseRecorder();

        await ConnectSslAsync(port, client, TrustingCa());
        await client.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await server.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await serverReactor.InvokeAsync(() => serverReactor.Reactor.Stop());
        await client.ReadClosed.Task.WaitAsync(TestTimeouts.Operation);
        await _reactor.InvokeAsync(() => client.Transport.LoseConnection());
        var reason = await client.Lost.Task.WaitAsync(TestTimeouts.Operation);

        Assert.IsType<ConnectionDoneException>(reason);
        Assert.Equal(["connected", "handshake", "read closed", "lost: ConnectionDoneException"], client.Events);
        Assert.IsType<ConnectionDoneException>(await server.Lost.Task.WaitAsync(TestTimeouts.Operation));
    }
}
