using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>Counters, write buffer, producer, framing, TCP_INFO, phase timings and the transcript ring as the model shows them.</summary>
public sealed class TransportAndTimingTests : IDisposable
{
    private readonly Harness _harness = new(new WorkspaceOptions { TranscriptCapacityBytes = 100 });

    [Fact]
    public void CountersWriteBufferAgainstHighWaterAndProducerStateAreInTheSnapshot()
    {
        var (session, connection) = _harness.Connected();
        session.Stream!.SendLine("one");
        connection.Deliver("reply\n");
        connection.Blocked = true;
        session.Stream.Send(new byte[70_000]);
        connection.RegisterProducer(new IdleProducer(), streaming: true);
        connection.Stats.Producer = ProducerState.Paused;

        var transport = _harness.Workspace.SnapshotSession(session.Id)!.Transports.Single();

        Assert.Equal((5L, 1L, 6L, 1L), (transport.BytesSent, transport.ChunksSent, transport.BytesReceived, transport.ChunksReceived));
        Assert.Equal((70_000L, 65_536L, 16_384L), (transport.WriteBufferSize, transport.HighWaterMark, transport.LowWaterMark));
        Assert.True(transport.WriteBufferSize > transport.HighWaterMark);
        Assert.Equal(ProducerState.Paused, transport.Producer);
        Assert.Equal(("127.0.0.1:50000", "127.0.0.1:7007"), (transport.Local, transport.Remote));
    }

    [Fact]
    public void LineModeHoldsThePartialLineAndRawModeDoesNot()
    {
        var (session, connection) = _harness.Connected();
        connection.Deliver("user> ");

        var held = _harness.Workspace.SnapshotSession(session.Id)!;
        Assert.Equal((Streams.StreamMode.Line, 6, Streams.StreamSession.MaxLineLength), (held.Mode, held.PartialLineBytes, held.MaxLineLength));

        session.Stream!.SetMode(Streams.StreamMode.Raw);
        connection.Deliver("more");
        var raw = _harness.Workspace.SnapshotSession(session.Id)!;
        Assert.Equal((Streams.StreamMode.Raw, 0), (raw.Mode, raw.PartialLineBytes));
    }

    [Fact]
    public void KernelInfoIsSampledEverySecondWhileOpenAndNotAfter()
    {
        var (session, connection) = _harness.Connected();
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 8));
        connection.KernelInfo = new TcpKernelInfo(900, 200, 7, 2, 1, 1500, -1, -1);
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 4));
        connection.Reset();
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 8));

        Assert.Equal(
            [(0.0, 120L), (0.25, 120L), (1.25, 120L), (2.25, 900L)],
            session.KernelSamples.Select(s => (s.Time, s.RoundTripTimeMicros)).ToArray());
        var last = _harness.EventsOf<TcpInfoSampled>().Last().Sample;
        Assert.Equal((900L, 200L, 7L, 2L, 1L, 1500L), (last.RoundTripTimeMicros, last.RoundTripVarianceMicros, last.CongestionWindow, last.Retransmits, last.Unacknowledged, last.PathMtu));
    }

    [Fact]
    public void LoopHealthComputesIterationsPerSecondBetweenSamples()
    {
        _harness.Reactor.Health = _harness.Reactor.Health with { Iterations = 100, Readers = 3, Writers = 1, ThreadCallQueueDepth = 2 };
        _harness.Reactor.Clock.Advance(0.25);
        _harness.Reactor.Health = _harness.Reactor.Health with { Iterations = 600 };
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 4));

        var samples = _harness.EventsOf<LoopHealthSampled>().Select(e => e.Sample).ToArray();
        Assert.Equal(2, samples.Length);
        Assert.Null(samples[0].IterationsPerSecond);
        Assert.Equal(500.0, samples[1].IterationsPerSecond);
        Assert.Equal((3, 1, 2), (samples[1].Readers, samples[1].Writers, samples[1].ThreadCallQueue));
        Assert.Equal(samples[1], _harness.Workspace.Snapshot().Health);
    }

    [Fact]
    public void PhaseTimingsFollowTheConnectionCurlStyleWithLineRoundTrips()
    {
        var (session, connector) = _harness.OpenTcp("localhost:7007");
        _harness.Reactor.Clock.Advance(0.002);
        connector.Resolve();
        _harness.Reactor.Clock.Advance(0.003);
        var connection = connector.Accept();
        _harness.Reactor.Clock.Advance(0.001);
        session.Stream!.SendLine("ping");
        _harness.Reactor.Clock.Advance(0.004);
        connection.Deliver("pong\n");
        session.Stream.SendLine("ping");
        _harness.Reactor.Clock.Advance(0.002);
        connection.Deliver("pong\n");
        _harness.Reactor.Clock.Advance(0.1);
        connection.Reset();

        Assert.Equal(
            [
                "phase                  at          took",
                "dns                    2.0 ms      2.0 ms",
                "connect                5.0 ms      3.0 ms",
                "tls                    -           -",
                "first byte sent        6.0 ms      1.0 ms",
                "first byte received    10.0 ms     4.0 ms",
                "total                  112.0 ms",
                "line round trip        2 lines: min 2.0 ms, avg 3.0 ms, max 4.0 ms",
            ],
            TimingTableRenderer.Render(session.GetTimings()));
        Assert.Equal(
            ["dns", "connect", "first byte sent", "first byte received"],
            _harness.EventsOf<PhaseReached>().Select(p => p.Phase).ToArray());
        Assert.Equal(0.112, _harness.EventsOf<SessionClosed>().Single().Timing.Total, 6);
    }

    [Fact]
    public void TheTranscriptRingKeepsTheNewestBytesAndCountsWhatItDropped()
    {
        var (session, connection) = _harness.Connected(mode: Streams.StreamMode.Raw);
        for (var i = 0; i < 10; i++)
        {
            connection.Deliver(new string((char)('a' + i), 30));
        }

        var transcript = _harness.Workspace.SnapshotSession(session.Id)!.Transcript;
        Assert.Equal((300L, 210L), (transcript.TotalReceived, transcript.DroppedBytes));
        var data = transcript.Entries.Where(e => e.Direction == Direction.Received).ToArray();
        Assert.Equal(["hhhhhhhhhhhhhhhhhhhhhhhhhhhhhh", "iiiiiiiiiiiiiiiiiiiiiiiiiiiiii", "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"], data.Select(e => System.Text.Encoding.ASCII.GetString(e.Data)).ToArray());
        Assert.Equal([210L, 240L, 270L], data.Select(e => e.Offset).ToArray());
    }

    public void Dispose() => _harness.Dispose();

    private sealed class IdleProducer : IPushProducer
    {
        public void PauseProducing()
        {
        }

        public void ResumeProducing()
        {
        }

        public void StopProducing()
        {
        }
    }
}
