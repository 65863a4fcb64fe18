using NetScope.Core.Errors;
using NetScope.Core.Protocols.Classic;
using NetScope.Sessions.Events;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>
/// What the model reports around a session's end: stream Deferreds settle on a refused connect,
/// the watchdog leaves lifetime Deferreds and ended sessions alone, a literal has no dns phase,
/// merged counters keep t in step with seq, and a core line protocol shows its framing.
/// </summary>
public sealed class SessionEndObservationTests : IDisposable
{
    private readonly Harness _harness = new(new WorkspaceOptions { StallThresholdSeconds = 5 });

    [Fact]
    public void ARefusedConnectFailsStreamConnectedAndFiresStreamClosedWithTheReason()
    {
        var (session, connector) = _harness.OpenTcp();
        var stream = session.Stream!;
        Exception? connectError = null;
        Exception? closedWith = null;
        stream.WhenConnected.AddErrback(failure =>
        {
            connectError = failure.Value;
            return null;
        });
        stream.WhenClosed.AddCallback(reason =>
        {
            closedWith = reason;
            return reason;
        });

        var refused = new ConnectionRefusedException("connect 127.0.0.1:7007: connection refused");
        connector.Fail(refused);

        Assert.Same(refused, connectError);
        Assert.Same(refused, closedWith);
        Assert.True(stream.WhenClosed.Called);
        Assert.Empty(_harness.Workspace.UnhandledFailures());
    }

    [Fact]
    public void AStreamConnectedDeferredAskedForAfterARefusedConnectFailsAtOnce()
    {
        var (session, connector) = _harness.OpenTcp();
        var refused = new ConnectionRefusedException("connect 127.0.0.1:7007: connection refused");
        connector.Fail(refused);

        Exception? seen = null;
        session.Stream!.WhenConnected.AddErrback(failure =>
        {
            seen = failure.Value;
            return null;
        });

        Assert.Same(refused, seen);
    }

    [Fact]
    public void TheWatchdogDoesNotReportTheClosedDeferredOfASessionOpenLongerThanTheThreshold()
    {
        var (session, _) = _harness.Connected();
        _ = session.Stream!.WhenClosed;
        _ = session.WhenEnded();

        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 40));

        Assert.Empty(_harness.EventsOf<DeferredStalled>());
        Assert.Empty(_harness.Workspace.Snapshot().Stalled);
    }

    [Fact]
    public void TheWatchdogSkipsDeferredsOfEndedSessions()
    {
        var (session, connection) = _harness.Connected();
        session.RunInScope(() => _ = new Core.Defer.Deferred().WithLabel("never fired"));
        connection.Reset();

        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 40));

        Assert.True(session.Ended);
        Assert.Empty(_harness.EventsOf<DeferredStalled>());
        Assert.Empty(_harness.Workspace.Snapshot().Stalled);
    }

    [Fact]
    public void AnIpLiteralHasNoDnsPhaseButANameHasOne()
    {
        var (literal, literalConnector) = _harness.OpenTcp("127.0.0.1:7007");
        _harness.Reactor.Clock.Advance(0.040);
        literalConnector.Accept();
        var (named, namedConnector) = _harness.OpenTcp("localhost:7007");
        _harness.Reactor.Clock.Advance(0.010);
        namedConnector.Resolve();
        _harness.Reactor.Clock.Advance(0.020);
        namedConnector.Accept();

        var literalDns = literal.GetTimings().Find("dns")!;
        Assert.Equal((null, null), (literalDns.At, literalDns.Took));
        Assert.Equal(0.040, literal.GetTimings().Find("connect")!.At!.Value, 6);
        Assert.DoesNotContain(_harness.EventsOf<PhaseReached>(), p => p.SessionId == literal.Id && p.Phase == "dns");
        Assert.Equal(0.010, named.GetTimings().Find("dns")!.At!.Value, 6);
        Assert.Contains(_harness.EventsOf<PhaseReached>(), p => p.SessionId == named.Id && p.Phase == "dns");
    }

    [Fact]
    public void AMergedCounterEventKeepsTheTimeOfItsPlaceInTheStream()
    {
        var (_, connection) = _harness.Connected(mode: StreamMode.Raw);
        var subscription = _harness.Workspace.Subscribe();
        connection.Deliver("a");
        _harness.Reactor.Clock.Advance(0.001);
        connection.Deliver("b");

        var events = new List<WorkspaceEvent>();
        subscription.ReadAll(events);

        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(events.Select(e => e.Time).Order(), events.Select(e => e.Time));
        var appended = Assert.Single(events.OfType<TranscriptAppended>());
        Assert.Equal(2, appended.BytesReceived);
    }

    [Fact]
    public void SessionsAndListenersAnnounceTheirFirstState()
    {
        var (session, _) = _harness.OpenTcp();

        var first = _harness.EventsOf<SessionStateChanged>().First();
        Assert.Equal((session.Id, SessionState.Connecting), (first.SessionId, first.State));
    }

    [Fact]
    public void ASessionOfACoreLineProtocolShowsLineModeAndItsPartialLine()
    {
        var session = _harness.Workspace.Open(new LineProtocolStarter());
        _harness.Reactor.Connectors[^1].Accept().Deliver("whole\npartial");

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;

        Assert.Equal((StreamMode.Line, 7), (snapshot.Mode, snapshot.PartialLineBytes));
        Assert.Equal(new LineEchoProtocol().MaxLength, snapshot.MaxLineLength);
    }

    public void Dispose() => _harness.Dispose();

    /// <summary>A session whose protocol is the core's line echo, as a <c>listen echo --line</c> connection has.</summary>
    private sealed class LineProtocolStarter : ISessionStarter
    {
        public string Kind => "echo";

        public string Target => "127.0.0.1:7";

        public void Start(SessionContext context) =>
            context.Reactor.ConnectTcp("127.0.0.1", 7, context.CreateClientFactory(new LineEchoProtocol()));
    }
}
