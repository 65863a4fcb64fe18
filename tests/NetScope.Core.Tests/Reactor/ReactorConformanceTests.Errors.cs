using System.Net.Sockets;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Tests.Reactor.Support;

namespace NetScope.Core.Tests.Reactor;

/// <content>Typed errors: refused, timed out, host not found, port in use, reset, cancelled.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void ConnectingToAClosedPortFailsWithConnectionRefused()
    {
        var reactor = CreateReactor();
        var (closed, port) = Loopback.ClosedPort();
        using var _ = closed;
        var factory = new RecordingClientFactory(() => new Recorder());
        RunReactor(reactor, r =>
        {
            r.ConnectTcp("127.0.0.1", port, factory, 5);
            factory.Failed.AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
        });
        Assert.Equal(["started", "failed: ConnectionRefusedException"], factory.Events);
        Assert.Equal($"connect 127.0.0.1:{port}: connection refused", factory.FailureReason!.Value.Message);
        Assert.Equal(0, factory.NumPorts);
    }

    [Fact]
    public void ConnectThatGetsNoAnswerFailsWithConnectTimeoutAfterTheTimeout()
    {
        using var silent = new FullBacklogListener();
        var reactor = CreateReactor();
        var factory = new RecordingClientFactory(() => new Recorder());
        double started = 0, failed = 0;
        RunReactor(reactor, r =>
        {
            started = r.Seconds();
            r.ConnectTcp("127.0.0.1", silent.Port, factory, timeoutSeconds: 0.3);
            factory.Failed.AddCallback(_ =>
            {
                failed = r.Seconds();
                r.Stop();
                return null;
            });
        });
        Assert.Equal(["started", "failed: ConnectTimeoutException"], factory.Events);
        Assert.Equal($"connect 127.0.0.1:{silent.Port}: timed out after 0.3s", factory.FailureReason!.Value.Message);
        Assert.InRange(failed - started, 0.3, 10);
    }

    [Fact]
    public void ConnectingToANameThatDoesNotResolveFailsWithHostNotFound()
    {
        // RFC 6761 reserves .invalid: no resolver answers for it.
        var reactor = CreateReactor();
        var factory = new RecordingClientFactory(() => new Recorder());
        RunReactor(reactor, r =>
        {
            r.ConnectTcp("no-such-host.invalid", 80, factory, 5);
            factory.Failed.AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
        });
        Assert.Equal(["started", "failed: HostNotFoundException"], factory.Events);
        Assert.Equal("connect no-such-host.invalid:80: host not found", factory.FailureReason!.Value.Message);
    }

    [Fact]
    public void ConnectingByNameResolvesItAndConnects()
    {
        var reactor = CreateReactor();
        var client = new Recorder { OnMade = c => c.Transport.LoseConnection() };
        var factory = new RecordingClientFactory(() => client);
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(new Recorder()), bindAddress: "127.0.0.1");
            r.ConnectTcp("localhost", Loopback.PortOf(port), factory, 5);
            client.Lost.AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
        });
        Assert.Equal(["started", "lost: ConnectionDoneException"], factory.Events);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void ListeningOnAPortInUseFailsWithAddressAlreadyInUse()
    {
        var reactor = CreateReactor();
        CannotListenException? error = null;
        var port = 0;
        RunReactor(reactor, r =>
        {
            var first = r.ListenTcp(0, new Factory(() => new Recorder()), bindAddress: "127.0.0.1");
            port = Loopback.PortOf(first);
            error = Assert.Throws<CannotListenException>(() => r.ListenTcp(port, new Factory(() => new Recorder()), bindAddress: "127.0.0.1"));
            r.Stop();
        });
        Assert.Equal(SocketError.AddressAlreadyInUse, error!.Error);
        Assert.Equal($"127.0.0.1:{port}", error.Address);
        Assert.Equal($"cannot listen on 127.0.0.1:{port}: address already in use", error.Message);
    }

    [Fact]
    public void PeerResetInTheMiddleOfALargeWriteLosesTheConnectionWithConnectionReset()
    {
        const int Size = 32 * 1024 * 1024;
        long bufferedWhenReset = 0;
        var server = new Recorder { OnMade = s => s.Transport.Write(Bytes.Pattern(0, Size)) };
        var client = new Recorder
        {
            OnData = (c, _) =>
            {
                if (bufferedWhenReset == 0)
                {
                    bufferedWhenReset = server.Transport.Stats.WriteBufferSize;
                    c.Transport.AbortConnection();
                }
            },
        };
        RunProtocolPair(server, client);
        Assert.True(bufferedWhenReset > 0, "the server should still have been writing when the reset came");
        Assert.Equal(["made", "lost: ConnectionResetException"], server.Events);
        Assert.Equal("connection reset by peer", server.LostReason!.Value.Message);
        Assert.Equal(["made", "lost: ConnectionAbortedException"], client.Events);
    }

    [Fact]
    public void StopConnectingWhileResolvingFailsWithConnectingCancelled()
    {
        var reactor = CreateReactor();
        var factory = new RecordingClientFactory(() => new Recorder());
        RunReactor(reactor, r =>
        {
            var connector = r.ConnectTcp("localhost", 9, factory, 5);
            connector.StopConnecting();

            // Let the resolution finish: it must not revive the cancelled attempt.
            r.Resolve("localhost").AddBoth(_ =>
            {
                r.CallLater(0.05, r.Stop);
                return null;
            });
        });
        Assert.Equal(["started", "failed: ConnectingCancelledException"], factory.Events);
        Assert.Equal("connect localhost:9: cancelled", factory.FailureReason!.Value.Message);
    }

    [Fact]
    public void StopConnectingWhileTheHandshakeIsPendingFailsWithConnectingCancelledOnce()
    {
        using var silent = new FullBacklogListener();
        var reactor = CreateReactor();
        var factory = new RecordingClientFactory(() => new Recorder());
        RunReactor(reactor, r =>
        {
            var connector = r.ConnectTcp("127.0.0.1", silent.Port, factory, timeoutSeconds: 0.2);
            r.CallLater(0.05, connector.StopConnecting);

            // Past the timeout: the cancelled attempt must not also time out.
            r.CallLater(0.4, r.Stop);
        });
        Assert.Equal(["started", "failed: ConnectingCancelledException"], factory.Events);
        Assert.Equal($"connect 127.0.0.1:{silent.Port}: cancelled", factory.FailureReason!.Value.Message);
    }
}
