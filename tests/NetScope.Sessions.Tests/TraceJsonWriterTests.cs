using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Health;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Timing;
using NetScope.Sessions.Trace;
using NetScope.Sessions.Transports;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>Every event type has a documented JSON line that matches the schema.</summary>
public sealed class TraceJsonWriterTests
{
    public static TheoryData<WorkspaceEvent> EveryEventType() => new()
    {
        new EventsDropped(3),
        new SessionOpened(1, "tcp", "127.0.0.1:7", null),
        new SessionOpened(2, "tcp", "127.0.0.1:5000", 1),
        new SessionStateChanged(1, SessionState.Open, null),
        new SessionClosed(1, SessionState.Failed, "connection reset by peer", new PhaseTimings([new PhaseTiming("dns", 0.001, 0.001), new PhaseTiming("tls", null, null)], 1.5, new LineRoundTripStats(2, 0.001, 0.002, 0.003, 0.003))),
        new SessionClosed(1, SessionState.Closed, "connection closed", new PhaseTimings([], 0.5, null)),
        new PhaseReached(1, "connect", 0.0003),
        new ListenerOpened(1, "tcp", "127.0.0.1:0"),
        new ListenerStateChanged(1, ListenerState.Listening, "127.0.0.1:40000", null),
        new ListenerClosed(1, ListenerState.Stopped, "stopped"),
        new TransportOpened(1, 7, "tcp", 0, TransportState.Resolving),
        new TransportStateChanged(1, 7, "tls", TransportState.TlsHandshaking, null),
        new BytesTransferred(1, 7, 10, 20, 1, 2, 100, 200, 0, 65536, ProducerState.Streaming, false),
        new TranscriptAppended(1, 0, 4, 10, 20, 1, 0),
        new TcpInfoSampled(1, 7, new KernelSample(1, 120, 30, 10, 0, 0, 65535)),
        new LoopHealthSampled(new LoopHealthSample(1, 1000, 250.5, 0.0001, 0.002, 3, 1, 2, [new PendingCallInfo("Workspace.ScheduleSampling.<lambda>", 0.25)], 0, 0, 0, 1)),
        new DeferredCreated(1, 3, "connect 127.0.0.1:7", "StreamSession..ctor in StreamSession.cs:21", 0.1),
        new DeferredCreated(1, 4, null, null, 0.1),
        new DeferredLinkAdded(1, 3, 0, "Session.OnConnected", "passthru"),
        new DeferredFired(1, 3, false, "null"),
        new DeferredStepRan(1, 3, 0, false, true, "Script.SendGreeting", "waiting on #4", false, 4, 0.00001),
        new DeferredPauseChanged(1, 3, 1, 4),
        new DeferredCancelled(1, 4),
        new DeferredUnhandled(1, 4, "CancelledException: Deferred was cancelled.", ["#4 expect /hello/  cancelled after 1.0 s (unhandled)"]),
        new DeferredUnhandledCleared(1, 4),
        new DeferredStalled(1, 4, "expect /hello/", 5, null),
    };

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void EachEventIsOneLineThatMatchesTheSchema(WorkspaceEvent next)
    {
        var line = TraceJsonWriter.Serialize(next);

        Assert.DoesNotContain('\n', line);
        Assert.Empty(TraceSchema.Check(line));
    }

    [Fact]
    public void TheHeaderMatchesTheSchema()
    {
        var line = TraceJsonWriter.Header("epoll", new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal("{\"v\":1,\"seq\":0,\"t\":0,\"type\":\"trace.started\",\"format\":\"netscope-trace\",\"reactor\":\"epoll\",\"wall_clock\":\"2026-11-26T15:00:00.000000Z\"}", line);
        Assert.Empty(TraceSchema.Check(line));
    }

    [Fact]
    public void ASessionEventIsWrittenWithEveryFieldInOrder()
    {
        Assert.Equal(
            "{\"v\":1,\"seq\":0,\"t\":0,\"type\":\"transport.state\",\"session\":1,\"transport\":7,\"kind\":\"tcp\",\"state\":\"read_closed\",\"reason\":\"peer finished sending\"}",
            TraceJsonWriter.Serialize(new TransportStateChanged(1, 7, "tcp", TransportState.ReadClosed, "peer finished sending")));
    }

    [Fact]
    public void ATraceSinkWritesTheHeaderThenEveryEventOfTheWorkspace()
    {
        using var harness = new Harness();
        var output = new StringWriter();
        var sink = new TraceSink(harness.Workspace, output, TimeProvider.System);
        var (_, connection) = harness.Connected();
        connection.Deliver("hello\n");
        connection.Reset();
        harness.Workspace.Dispose();
        sink.Dispose();

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.StartsWith("{\"v\":1,\"seq\":0,\"t\":0,\"type\":\"trace.started\"", lines[0]);
        Assert.All(lines, line => Assert.Empty(TraceSchema.Check(line)));
        Assert.Contains(lines, line => line.Contains("\"type\":\"session.closed\"", StringComparison.Ordinal));
    }
}
