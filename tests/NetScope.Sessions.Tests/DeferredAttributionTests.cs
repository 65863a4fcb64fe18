using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>Deferreds and transports belong to the session whose code created them, now and later.</summary>
public sealed class DeferredAttributionTests : IDisposable
{
    private readonly Harness _harness = new();

    [Fact]
    public void DeferredsCreatedWhileASessionHandlesDataBelongToThatSessionOnly()
    {
        var (first, firstConnection) = Open(new ProbeProtocol { OnData = (_, text) => new Deferred().WithLabel($"got {text}") });
        var (second, _) = Open(new ProbeProtocol());

        firstConnection.Deliver("ping");
        _harness.Workspace.SampleNow();

        Assert.Contains("got ping", Labels(first));
        Assert.DoesNotContain("got ping", Labels(second));
    }

    [Fact]
    public void DeferredsCreatedByATimedCallTheSessionScheduledBelongToIt()
    {
        var (session, connection) = Open(new ProbeProtocol
        {
            OnData = (probe, _) => probe.Context.Reactor.CallLater(2, () => new Deferred().WithLabel("two seconds later")),
        });
        connection.Deliver("go");

        _harness.Reactor.Clock.Advance(2);

        Assert.Contains("two seconds later", Labels(session));
    }

    [Fact]
    public void CallbacksRunInTheScopeOfTheSessionThatCreatedTheDeferredWhoeverFiresIt()
    {
        Deferred? trigger = null;
        var (session, connection) = Open(new ProbeProtocol
        {
            OnData = (_, _) =>
            {
                trigger = new Deferred().WithLabel("trigger");
                trigger.AddCallback(_ => new Deferred().WithLabel("made by the callback"));
            },
        });
        connection.Deliver("go");

        trigger!.Callback(null);

        Assert.Contains("made by the callback", Labels(session));
    }

    [Fact]
    public void WorkHandedToAThreadAndBackStaysWithTheSession()
    {
        var (session, connection) = Open(new ProbeProtocol
        {
            OnData = (probe, _) => probe.Context.Reactor.DeferToThread(() => 42).AddCallback(_ => new Deferred().WithLabel("after the thread")),
        });
        connection.Deliver("go");

        _harness.Reactor.RunThreadCalls();

        Assert.Contains("after the thread", Labels(session));
    }

    [Fact]
    public void DeferredsCreatedOutsideEverySessionAreNotTracked()
    {
        var (session, _) = Open(new ProbeProtocol());
        var before = _harness.Workspace.Snapshot().Sessions.Sum(s => s.Deferreds.Count);

        _ = new Deferred().WithLabel("nobody's");

        Assert.Equal(before, _harness.Workspace.Snapshot().Sessions.Sum(s => s.Deferreds.Count));
        Assert.DoesNotContain("nobody's", Labels(session));
    }

    [Fact]
    public void ALayerCreatedInTheSessionsCodeIsItsTransportWithItsOwnStatsAndDetails()
    {
        TransportStats? tls = null;
        var (session, connection) = Open(new ProbeProtocol
        {
            OnConnected = probe =>
            {
                tls = new TransportStats(probe.Context.Reactor, "tls", TransportState.TlsHandshaking);
                probe.Context.AttachTransport(tls, () => [new("version", "TLSv1.3"), new("cipher", "TLS_AES_128_GCM_SHA256")]);
            },
        });
        _harness.Reactor.Clock.Advance(0.005);
        tls!.Transition(TransportState.Established);

        var transports = _harness.Workspace.SnapshotSession(session.Id)!.Transports;
        Assert.Equal(["tcp 0 established", "tls 1 established"], transports.Select(t => $"{t.Kind} {t.Layer} {Trace.TraceFormat.SnakeCase(t.State)}").ToArray());
        Assert.Equal([new("version", "TLSv1.3"), new("cipher", "TLS_AES_128_GCM_SHA256")], transports[1].Details);
        Assert.Equal(0.005, _harness.Workspace.SnapshotSession(session.Id)!.Timing.Find("tls")!.Took!.Value, 6);
        Assert.Equal(connection.Stats.Id, transports[0].Id);
    }

    public void Dispose() => _harness.Dispose();

    private (Session Session, MemoryConnection Connection) Open(ProbeProtocol protocol)
    {
        var session = _harness.Workspace.Open(new ProbeStarter(protocol));
        return (session, _harness.Reactor.Connectors[^1].Accept());
    }

    private string?[] Labels(Session session) =>
        _harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Select(d => d.Label).ToArray();
}
