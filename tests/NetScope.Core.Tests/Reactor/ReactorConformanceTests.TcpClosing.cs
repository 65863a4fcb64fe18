using NetScope.Core.Tests.Reactor.Support;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor;

/// <content>Closing: flush-then-close, abort, half-close, and protocols that fail (Twisted's test_tcp.py).</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void LoseConnectionFlushesEverythingBeforeTheFin()
    {
        const int Size = 8 * 1024 * 1024;
        var payload = Bytes.Pattern(0, Size);
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.Write(payload);
                s.Transport.LoseConnection();
                s.Transport.LoseConnection();
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Bytes.AssertEqual(payload, client.Received);
        Assert.Equal(["made", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void DataWrittenAfterLoseConnectionBeforeTheCloseIsStillSent()
    {
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.Write("written before, "u8);
                s.Transport.LoseConnection();
                s.Transport.Write("written after"u8);
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.Equal("written before, written after", client.ReceivedText);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void AbortConnectionDropsBufferedDataAndThePeerSeesAReset()
    {
        const int Size = 16 * 1024 * 1024;
        var lostInsideAbort = false;
        var aborting = false;
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.Write(Bytes.Pattern(0, Size));
                aborting = true;
                s.Transport.AbortConnection();
                aborting = false;
            },
            OnLost = (_, _) => lostInsideAbort |= aborting,
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.False(lostInsideAbort, "ConnectionLost must come from the loop, not from inside AbortConnection");
        Assert.Equal(["made", "lost: ConnectionAbortedException"], server.Events);
        Assert.Equal(["made", "lost: ConnectionResetException"], client.Events);
        Assert.True(client.ReceivedCount < Size, "the bytes still buffered when the connection was aborted must not arrive");
        Bytes.AssertEqual(Bytes.Pattern(0, (int)client.ReceivedCount), client.Received);
    }

    [Theory]
    [InlineData("abort")]
    [InlineData("abort, abort")]
    [InlineData("abort, lose")]
    [InlineData("lose, abort")]
    public void DataWrittenAfterAbortConnectionIsNeverSentAndTheConnectionIsLostOnceAsAborted(string calls)
    {
        // Twisted's AbortingClient: Xs are written before the abort and may arrive; Ys are
        // written after it and must not.
        var client = new Recorder
        {
            OnData = (c, _) =>
            {
                c.Transport.Write(Enumerable.Repeat((byte)'X', 10_000).ToArray());
                foreach (var call in calls.Split(", "))
                {
                    if (call == "abort")
                    {
                        c.Transport.AbortConnection();
                    }
                    else
                    {
                        c.Transport.LoseConnection();
                    }
                }

                c.Transport.Write(Enumerable.Repeat((byte)'Y', 10_000).ToArray());
            },
        };
        var server = new Recorder { OnMade = s => s.Transport.Write("ready"u8) };
        RunProtocolPair(server, client);
        Assert.Equal(["made", "lost: ConnectionAbortedException"], client.Events);
        Assert.Equal(1, client.ConnectionLostCalls);
        Assert.DoesNotContain((byte)'Y', server.Received);
        Assert.Equal(["made", "lost: ConnectionResetException"], server.Events);
    }

    [Fact]
    public void HalfCloseFromTheClientLetsTheServerFinishItsReply()
    {
        var reply = Bytes.Pattern(0, 3 * 1024 * 1024);
        var client = new HalfCloseRecorder
        {
            OnMade = c =>
            {
                c.Transport.Write("request"u8);
                c.Tcp.LoseWriteConnection();
            },
        };
        var server = new HalfCloseRecorder
        {
            OnReadLost = s =>
            {
                Assert.Equal("request", s.ReceivedText);
                Assert.Equal(TransportState.ReadClosed, s.Transport.Stats.State);
                s.Transport.Write(reply);
                s.Transport.LoseConnection();
            },
        };
        RunProtocolPair(server, client);
        Assert.Equal(["made", "read lost", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(["made", "write lost", "read lost", "lost: ConnectionDoneException"], client.Events);
        Bytes.AssertEqual(reply, client.Received);
    }

    [Fact]
    public void HalfCloseFromTheServerLetsTheClientKeepWriting()
    {
        var client = new HalfCloseRecorder
        {
            OnReadLost = c =>
            {
                Assert.Equal("greeting", c.ReceivedText);
                c.Transport.Write("reply after the server finished"u8);
                c.Transport.LoseConnection();
            },
        };
        var server = new HalfCloseRecorder
        {
            OnMade = s =>
            {
                s.Transport.Write("greeting"u8);
                s.Tcp.LoseWriteConnection();
            },
            OnWriteLost = s => Assert.Equal(TransportState.WriteClosed, s.Transport.Stats.State),
        };
        RunProtocolPair(server, client);
        Assert.Equal("reply after the server finished", server.ReceivedText);
        Assert.Equal(["made", "write lost", "read lost", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(["made", "read lost", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void ProtocolThatIsNotHalfCloseableLosesTheConnectionOnFin()
    {
        var client = new HalfCloseRecorder
        {
            OnMade = c =>
            {
                c.Transport.Write("bye"u8);
                c.Tcp.LoseWriteConnection();
            },
        };
        var server = new Recorder();
        RunProtocolPair(server, client);
        Assert.Equal("bye", server.ReceivedText);
        Assert.Equal(["made", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(["made", "write lost", "read lost", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void HalfCloseAnsweredByHalfCloseThenLoseConnectionClosesCleanly()
    {
        // Twisted's test_doubleHalfClose (ticket #3037).
        var server = new HalfCloseRecorder
        {
            OnReadLost = s => s.Tcp.LoseWriteConnection(),
            OnWriteLost = s => s.Transport.LoseConnection(),
        };
        var client = new Recorder { OnMade = c => c.Transport.LoseConnection() };
        RunProtocolPair(server, client);
        Assert.Equal(["made", "read lost", "write lost", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void ClosedConnectionIsReportedWhenAPausedTransportResumes()
    {
        // Twisted's test_connectionLostAfterPausedTransport.
        var events = new List<string>();
        var server = new Recorder
        {
            OnData = (s, _) =>
            {
                events.Add("paused");
                s.Transport.PauseProducing();
                s.Reactor!.CallLater(0, () =>
                {
                    events.Add("resumed");
                    s.Transport.ResumeProducing();
                });
            },
            OnLost = (_, _) => events.Add("lost"),
        };
        var client = new Recorder
        {
            OnMade = c =>
            {
                c.Transport.Write("some bytes for you"u8);
                c.Transport.LoseConnection();
            },
        };
        RunProtocolPair(server, client);
        Assert.Equal(["paused", "resumed", "lost"], events);
    }

    [Fact]
    public void ProtocolThatThrowsInDataReceivedLosesItsConnectionWhileTheReactorAndOtherConnectionsGoOn()
    {
        var reactor = CreateReactor();
        var thrown = new InvalidOperationException("protocol bug");
        var failing = new Recorder { Reactor = reactor, OnData = (_, _) => throw thrown };
        var healthy = EchoServer();
        var failingPeer = new Recorder { Reactor = reactor, OnMade = c => c.Transport.Write("trigger"u8) };
        var healthyPeer = new Recorder { Reactor = reactor };
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(healthy, failing), bindAddress: "127.0.0.1");
            r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => healthyPeer), 5);
            healthy.Made.AddCallback(_ =>
            {
                r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => failingPeer), 5);
                return null;
            });

            // Once the failing connection is gone, the healthy one still carries data both ways.
            failingPeer.Lost.AddCallback(_ =>
            {
                healthyPeer.Transport.Write("still here"u8);
                return healthyPeer.WhenReceived(10);
            }).AddCallback(_ =>
            {
                healthyPeer.Transport.LoseConnection();
                return healthy.Lost;
            }).AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
        });
        Assert.Same(thrown, failing.LostReason!.Value);
        Assert.Equal(["made", "lost: InvalidOperationException"], failing.Events);
        Assert.Equal(["made", "lost: ConnectionResetException"], failingPeer.Events);
        Assert.Equal("still here", healthyPeer.ReceivedText);
        Assert.Equal(["made", "lost: ConnectionDoneException"], healthyPeer.Events);
        Assert.Same(thrown, Assert.Single(Log.FlushErrors<InvalidOperationException>()).Exception);
    }

    [Fact]
    public void ExceptionThrownAfterAbortConnectionIsTheReasonTheConnectionWasLost()
    {
        // Twisted's test_dataReceivedThrows: an abort must not mask the bug that followed it.
        var thrown = new DivideByZeroException();
        var client = new Recorder
        {
            OnData = (c, _) =>
            {
                c.Transport.AbortConnection();
                throw thrown;
            },
        };
        var server = new Recorder { OnMade = s => s.Transport.Write("ready"u8) };
        RunProtocolPair(server, client);
        Assert.Same(thrown, client.LostReason!.Value);
        Assert.Equal(1, client.ConnectionLostCalls);
        Assert.Single(Log.FlushErrors<DivideByZeroException>());
    }
}
