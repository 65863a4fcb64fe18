using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Tests.Reactor.Support;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor;

/// <content>Producers and consumers: high and low water marks, pull producers, the transport as a producer.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void StreamingProducerIsPausedAboveTheHighWaterMarkAndResumedBelowTheLowWaterMark()
    {
        // The client stops reading, so the kernel's buffers fill and then the transport's; the
        // producer must be paused once that passes the high-water mark. The client then reads
        // again, and the producer must be resumed once the buffer drains below the low-water mark.
        const int Tail = 1024 * 1024;
        const int ChunkSize = 32 * 1024;
        var reactor = CreateReactor();
        var highWater = 0L;
        var lowWater = 0L;
        PacedPushProducer? producer = null;
        var client = new Recorder { OnMade = c => c.Transport.PauseProducing() };
        var server = new Recorder
        {
            OnMade = s =>
            {
                highWater = s.Transport.Stats.HighWaterMark;
                lowWater = s.Transport.Stats.LowWaterMark;
                producer = new PacedPushProducer(s.Reactor!, s.Transport, chunkSize: ChunkSize)
                {
                    OnPause = p =>
                    {
                        if (p.Limit is null)
                        {
                            Assert.Equal(ProducerState.Paused, s.Transport.Stats.Producer);
                            p.Limit = p.Written + Tail;
                            client.Transport.ResumeProducing();
                        }
                    },
                };
                producer.Start();
            },
        };
        RunProtocolPair(server, client);

        Assert.True(producer!.Finished);
        Assert.False(producer.Stopped);
        Assert.True(producer.FlowEvents.Count >= 2, $"expected a pause and a resume, got {producer.FlowEvents.Count} events");
        for (var i = 0; i < producer.FlowEvents.Count; i++)
        {
            var (name, buffered) = producer.FlowEvents[i];
            Assert.Equal(i % 2 == 0 ? "pause" : "resume", name);
            if (name == "pause")
            {
                // Paused by the very write that took the buffer past the mark.
                Assert.True(buffered > highWater && buffered <= highWater + ChunkSize, $"paused with {buffered} bytes buffered; the high-water mark is {highWater}");
            }
            else
            {
                Assert.True(buffered <= lowWater, $"resumed with {buffered} bytes buffered; the low-water mark is {lowWater}");
            }
        }

        Bytes.AssertEqual(Bytes.Pattern(0, (int)producer.Written), client.Received);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void PullProducerIsAskedForMoreEachTimeTheBufferEmptiesUntilItUnregisters()
    {
        const int Chunks = 40;
        const int ChunkSize = 256 * 1024;
        CountingPullProducer? producer = null;
        var server = new Recorder
        {
            OnMade = s =>
            {
                producer = new CountingPullProducer(s.Transport, ChunkSize, Chunks);
                s.Transport.RegisterProducer(producer, streaming: false);
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.Equal(Chunks, producer!.ResumeCalls);
        Assert.All(producer.WriteBufferAtResume, buffered => Assert.Equal(0, buffered));
        Assert.False(producer.Stopped);
        Bytes.AssertEqual(Bytes.Pattern(0, Chunks * ChunkSize), client.Received);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void PausingTheTransportStopsDataReceivedAndResumingRestartsIt()
    {
        // The paused connection's data is sent first; a round trip on a second connection then
        // proves the loop has been around since, and the paused protocol must not have seen it.
        var reactor = CreateReactor();
        var paused = new Recorder { Reactor = reactor };
        var echo = EchoServer();
        var pausedPeer = new Recorder { Reactor = reactor, OnMade = c => c.Transport.Write("sent while paused"u8) };
        var probe = new Recorder { Reactor = reactor, OnMade = c => c.Transport.Write("ping"u8) };
        int readersBeforePause = 0, readersPaused = 0, readersBeforeResume = 0, readersResumed = 0;
        long receivedWhilePaused = -1;
        paused.OnMade = s =>
        {
            readersBeforePause = reactor.GetHealth().Readers;
            s.Transport.PauseProducing();
            readersPaused = reactor.GetHealth().Readers;
            Assert.True(s.Transport.Stats.ReadingPaused);
        };
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(paused, echo), bindAddress: "127.0.0.1");
            r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => pausedPeer), 5);
            WhenAllMade(() => r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => probe), 5), paused, pausedPeer);
            probe.WhenReceived(4).AddCallback(_ =>
            {
                receivedWhilePaused = paused.ReceivedCount;
                readersBeforeResume = r.GetHealth().Readers;
                paused.Transport.ResumeProducing();
                readersResumed = r.GetHealth().Readers;
                return paused.WhenReceived(17);
            }).AddCallback(_ =>
            {
                pausedPeer.Transport.LoseConnection();
                probe.Transport.LoseConnection();
                return new DeferredList([paused.Lost, echo.Lost]);
            }).AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
        });
        Assert.Equal(0, receivedWhilePaused);
        Assert.Equal("sent while paused", paused.ReceivedText);
        Assert.Equal(readersBeforePause - 1, readersPaused);
        Assert.Equal(readersBeforeResume + 1, readersResumed);
        Assert.Equal(["made", "lost: ConnectionDoneException"], paused.Events);
    }

    [Fact]
    public void LoseConnectionWithARegisteredProducerWaitsUntilTheProducerUnregisters()
    {
        var producer = new RecordingPushProducer();
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.RegisterProducer(producer, streaming: true);
                s.Transport.Write("before, "u8);
                s.Transport.LoseConnection();

                // Had LoseConnection not waited, the connection would be gone by now.
                s.Reactor!.CallLater(0.05, () =>
                {
                    s.Transport.Write("after the producer finished"u8);
                    s.Transport.UnregisterProducer();
                });
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.Equal("before, after the producer finished", client.ReceivedText);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
        Assert.Empty(producer.Calls);
    }

    [Fact]
    public void ConnectionLostStopsTheRegisteredProducer()
    {
        var producer = new RecordingPushProducer();
        var stoppedBeforeConnectionLost = false;
        var server = new Recorder
        {
            OnMade = s => s.Transport.RegisterProducer(producer, streaming: true),
            OnLost = (_, _) => stoppedBeforeConnectionLost = producer.Calls.Contains("stop"),
        };
        var client = new Recorder { OnMade = c => c.Transport.LoseConnection() };
        RunProtocolPair(server, client);
        Assert.Equal(["stop"], producer.Calls);
        Assert.True(stoppedBeforeConnectionLost);
        Assert.IsType<ConnectionDoneException>(server.LostReason!.Value);
    }

    [Fact]
    public void RegisteringAProducerOnALostConnectionStopsItAndASecondProducerIsRefused()
    {
        var late = new RecordingPushProducer();
        Exception? secondRegistration = null;
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.RegisterProducer(new RecordingPushProducer(), streaming: true);
                secondRegistration = Record.Exception(() => s.Transport.RegisterProducer(new RecordingPushProducer(), streaming: true));
                s.Transport.UnregisterProducer();
                s.Transport.LoseConnection();
            },
            OnLost = (s, _) => s.Transport.RegisterProducer(late, streaming: false),
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.IsType<InvalidOperationException>(secondRegistration);
        Assert.Equal(["stop"], late.Calls);
    }
}
