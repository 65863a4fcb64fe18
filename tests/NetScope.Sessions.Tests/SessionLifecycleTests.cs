using NetScope.Core.Errors;
using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>Every way a session moves through its life, as the model and the event stream show it.</summary>
public sealed class SessionLifecycleTests : IDisposable
{
    private readonly Harness _harness = new();

    [Fact]
    public void ConnectingByNameGoesResolvingConnectingConnectedEstablishedAndOpensTheSession()
    {
        var (session, connector) = _harness.OpenTcp("localhost:7007");
        Assert.Equal(SessionState.Connecting, session.State);
        _harness.Reactor.Clock.Advance(0.010);
        connector.Resolve();
        _harness.Reactor.Clock.Advance(0.020);
        connector.Accept();

        Assert.Equal(SessionState.Open, session.State);
        var transport = Assert.Single(_harness.Workspace.Snapshot().Sessions).Transports.Single();
        Assert.Equal(
            [(TransportState.Resolving, 0.0), (TransportState.Connecting, 0.010), (TransportState.Connected, 0.030), (TransportState.Established, 0.030)],
            transport.History.Select(h => (h.State, Math.Round(h.Time, 6))).ToArray());
        Assert.Equal(
            [
                "SessionOpened #1 tcp localhost:7007",
                "SessionStateChanged Connecting",
                "TransportOpened resolving",
                "TransportStateChanged connecting",
                "PhaseReached dns",
                "TransportStateChanged connected",
                "PhaseReached connect",
                "TransportStateChanged established",
                "SessionStateChanged Open",
            ],
            _harness.Events.Where(e => e is not (DeferredCreated or DeferredLinkAdded or DeferredFired or DeferredStepRan or DeferredPauseChanged or TcpInfoSampled or TranscriptAppended)).Select(Describe).ToArray());
    }

    [Fact]
    public void RefusedConnectionFailsTheSessionAndItsOpenWaiterWithTheTypedError()
    {
        var (session, connector) = _harness.OpenTcp();
        var opened = session.WhenOpen();
        Exception? error = null;
        opened.AddErrback(failure =>
        {
            error = failure.Value;
            return null;
        });

        connector.Fail(new ConnectionRefusedException("connect 127.0.0.1:7007: connection refused"));

        Assert.IsType<ConnectionRefusedException>(error);
        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal("connect 127.0.0.1:7007: connection refused", session.EndReason);
        var closed = Assert.Single(_harness.EventsOf<SessionClosed>());
        Assert.Equal((1L, SessionState.Failed, "connect 127.0.0.1:7007: connection refused"), (closed.SessionId, closed.State, closed.Reason));
        Assert.Equal(
            [TransportState.Connecting, TransportState.Failed],
            Assert.Single(_harness.Workspace.Snapshot().Sessions).Transports.Single().History.Select(h => h.State).ToArray());
    }

    [Fact]
    public void CloseFlushesThenEndsClosedWithClosingInBetween()
    {
        var (session, connection) = _harness.Connected();
        session.Close();
        Assert.Equal(SessionState.Closing, session.State);
        _harness.Reactor.Clock.Advance(0);

        Assert.Equal(SessionState.Closed, session.State);
        Assert.Equal("connection closed", session.EndReason);
        Assert.Equal(
            [SessionState.Connecting, SessionState.Open, SessionState.Closing, SessionState.Closed],
            _harness.EventsOf<SessionStateChanged>().Select(e => e.State).ToArray());
        Assert.Equal(
            [TransportState.Connecting, TransportState.Connected, TransportState.Established, TransportState.Closing, TransportState.Closed],
            connection.Stats.History.Select(h => h.State).ToArray());
    }

    [Fact]
    public void PeerResetEndsTheSessionFailedWithTheReason()
    {
        var (session, connection) = _harness.Connected();
        connection.Reset();

        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal("connection reset by peer", session.EndReason);
        Assert.Equal(TransportState.Failed, connection.Stats.State);
        Assert.Equal("connection reset by peer", Assert.Single(_harness.EventsOf<TransportStateChanged>(), e => e.State == TransportState.Failed).Reason);
    }

    [Fact]
    public void HalfCloseThenPeerFinishingGoesWriteClosedReadClosedClosed()
    {
        var (session, connection) = _harness.Connected();
        session.Stream!.HalfClose();
        _harness.Reactor.Clock.Advance(0);
        Assert.Equal(TransportState.WriteClosed, connection.Stats.State);
        Assert.Equal(SessionState.Open, session.State);

        connection.PeerFinishes();
        _harness.Reactor.Clock.Advance(0);

        Assert.Equal(SessionState.Closed, session.State);
        Assert.Equal(
            [TransportState.Connecting, TransportState.Connected, TransportState.Established, TransportState.WriteClosed, TransportState.ReadClosed, TransportState.Closed],
            connection.Stats.History.Select(h => h.State).ToArray());
    }

    [Fact]
    public void AbortEndsFailedAsAborted()
    {
        var (session, connection) = _harness.Connected();
        session.Abort();
        _harness.Reactor.Clock.Advance(0);

        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal("connection aborted", session.EndReason);
        Assert.True(connection.Disconnected);
    }

    [Fact]
    public void ClosingWhileConnectingStopsTheAttempt()
    {
        var (session, connector) = _harness.OpenTcp("example.invalid:80");
        session.Close();

        Assert.True(connector.Finished);
        Assert.Equal(SessionState.Failed, session.State);
        Assert.Equal("connect example.invalid:80: cancelled", session.EndReason);
    }

    [Fact]
    public void WhenOpenAfterTheSessionOpenedFiresAtOnceAndWhenEndedFiresAtTheEnd()
    {
        var (session, connection) = _harness.Connected();
        Session? opened = null;
        Session? ended = null;
        session.WhenOpen().AddCallback(s => opened = (Session?)s);
        session.WhenEnded().AddCallback(s => ended = (Session?)s);
        Assert.Same(session, opened);
        Assert.Null(ended);

        connection.PeerFinishes();
        connection.Close(new ConnectionDoneException("connection closed"));

        Assert.Same(session, ended);
    }

    [Fact]
    public async Task CommandsOnTheReactorThreadRunAtOnceAndReportUnknownSessions()
    {
        var (session, connection) = _harness.Connected();

        await _harness.Workspace.SendLineAsync(session.Id, "hello");
        await _harness.Workspace.SendAsync(session.Id, "raw"u8.ToArray());
        await _harness.Workspace.SetModeAsync(session.Id, Streams.StreamMode.Raw);

        Assert.Equal("hello\r\nraw", System.Text.Encoding.ASCII.GetString(connection.Written.ToArray()));
        Assert.Equal(Streams.StreamMode.Raw, session.Stream!.Mode);
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(() => _harness.Workspace.CloseAsync(99));
        Assert.Equal("no session #99", missing.Message);
    }

    [Fact]
    public void EndedSessionsBeyondTheBoundAreForgottenOldestFirst()
    {
        using var harness = new Harness(new WorkspaceOptions { MaxEndedSessions = 2 });
        for (var i = 0; i < 4; i++)
        {
            var (_, connection) = harness.Connected();
            connection.Reset();
        }

        var (open, _) = harness.Connected();

        Assert.Equal([3L, 4L, open.Id], harness.Workspace.Sessions.Select(s => s.Id).ToArray());
    }

    public void Dispose() => _harness.Dispose();

    private static string Describe(WorkspaceEvent e) => e switch
    {
        SessionOpened o => $"SessionOpened #{o.SessionId} {o.Kind} {o.Target}",
        TransportOpened t => $"TransportOpened {Trace.TraceFormat.SnakeCase(t.State)}",
        TransportStateChanged t => $"TransportStateChanged {Trace.TraceFormat.SnakeCase(t.State)}",
        PhaseReached p => $"PhaseReached {p.Phase}",
        SessionStateChanged s => $"SessionStateChanged {s.State}",
        _ => e.GetType().Name,
    };
}
