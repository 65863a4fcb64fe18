using System.Net.Sockets;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Tests.Reactor.Support;

namespace NetScope.Core.Tests.Reactor;

/// <content>The orderly shutdown: ports stop accepting, connections close, stuck ones are aborted after a grace period.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void StopClosesPortsAndConnectionsCleanlyAndAbortsAStuckConnectionAfterTheGracePeriod()
    {
        const double Grace = 0.3;
        var reactor = CreateReactor(new ReactorOptions { ShutdownGracePeriod = TimeSpan.FromSeconds(Grace) });
        var lostAt = new Dictionary<string, double>();
        Recorder Server(string name, Action<Recorder>? onMade = null) => new()
        {
            Reactor = reactor,
            OnMade = onMade,
            OnLost = (_, _) => lostAt[name] = reactor.Seconds(),
        };

        var idleServer = Server("idle");
        var stuckServer = Server("stuck", s => s.Transport.Write(Bytes.Pattern(0, 32 * 1024 * 1024)));
        var pairServer = Server("pair server");
        var pairClient = Server("pair client");
        Socket? idlePeer = null;
        Socket? stuckPeer = null;
        double stoppedAt = 0;
        SocketError? connectAfterShutdown = null;
        IListeningPort? listening = null;
        reactor.AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Shutdown, () =>
        {
            connectAfterShutdown = Loopback.TryConnect(Loopback.PortOf(listening!));
            return null;
        });
        try
        {
            RunReactor(reactor, r =>
            {
                listening = r.ListenTcp(0, new QueueFactory(idleServer, stuckServer, pairServer), bindAddress: "127.0.0.1");
                idlePeer = Loopback.Connect(Loopback.PortOf(listening));
                stuckPeer = Loopback.Connect(Loopback.PortOf(listening));
                r.ConnectTcp("127.0.0.1", Loopback.PortOf(listening), new RecordingClientFactory(() => pairClient), 5);
                WhenAllMade(
                    () =>
                    {
                        stoppedAt = r.Seconds();
                        r.Stop();
                    },
                    idleServer,
                    stuckServer,
                    pairServer,
                    pairClient);
            });

            Assert.Equal(["made", "lost: ConnectionDoneException"], idleServer.Events);
            Assert.Equal(["made", "lost: ConnectionDoneException"], pairServer.Events);
            Assert.Equal(["made", "lost: ConnectionDoneException"], pairClient.Events);
            Assert.Equal(["made", "lost: ConnectionAbortedException"], stuckServer.Events);
            Assert.True(lostAt["idle"] - stoppedAt < Grace, "a connection with nothing to send closes at once");
            Assert.True(lostAt["stuck"] - stoppedAt >= Grace, "the stuck connection is aborted only after the grace period");
            Assert.Equal(SocketError.ConnectionRefused, connectAfterShutdown);

            // The idle peer saw a clean end of stream (FIN), not a reset.
            idlePeer!.ReceiveTimeout = 5000;
            Assert.Equal(0, idlePeer.Receive(new byte[16]));
        }
        finally
        {
            idlePeer?.Dispose();
            stuckPeer?.Dispose();
        }
    }

    [Fact]
    public void StopCancelsConnectionAttemptsInProgress()
    {
        using var silent = new FullBacklogListener();
        var reactor = CreateReactor();
        var factory = new RecordingClientFactory(() => new Recorder());
        RunReactor(reactor, r =>
        {
            r.ConnectTcp("127.0.0.1", silent.Port, factory, timeoutSeconds: 10);
            r.CallLater(0.02, r.Stop);
        });
        Assert.Equal(["started", "failed: ConnectingCancelledException"], factory.Events);
    }
}
