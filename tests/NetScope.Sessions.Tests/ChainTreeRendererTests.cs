using NetScope.Core.Defer;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Sessions.Tests;

/// <summary>Chain trees as text, from real Deferreds run in a session, asserted line by line.</summary>
public sealed class ChainTreeRendererTests : IDisposable
{
    private readonly Harness _harness = new();

    [Fact]
    public void TheIssuesExampleIsDrawnExactly()
    {
        var (session, _) = _harness.Connected();
        Deferred connect = null!;
        Deferred expect = null!;
        session.RunInScope(() =>
        {
            connect = new Deferred().WithLabel("connect 127.0.0.1:7007");
            expect = new Deferred().WithLabel("expect /hello/");
            Script.Expected = expect;
            connect.AddCallback(Session.OnConnected);
            connect.AddCallback(Script.SendGreeting);
        });
        _harness.Reactor.Clock.Advance(0.0004);
        connect.Callback(null);
        _harness.Reactor.Clock.Advance(1.2);

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var id = snapshot.Deferreds.Single(d => d.Label == "connect 127.0.0.1:7007").Id;

        Assert.Equal(
            [
                $"#{id} connect 127.0.0.1:7007  succeeded in 0.4 ms",
                "├─ cb  Session.OnConnected         -> EchoClient",
                $"└─ cb  Script.SendGreeting         -> waiting on #{id + 1}",
                $"   #{id + 1} expect /hello/               pending 1.2 s",
            ],
            ChainTreeRenderer.RenderChain(snapshot.Deferreds, id));
    }

    [Fact]
    public void AfterTheWaitedDeferredFiresTheChainShowsWhereItsResultCameFromAndRunsOn()
    {
        var (session, _) = _harness.Connected();
        Deferred connect = null!;
        Deferred expect = null!;
        session.RunInScope(() =>
        {
            connect = new Deferred().WithLabel("connect 127.0.0.1:7007");
            expect = new Deferred().WithLabel("expect /hello/");
            Script.Expected = expect;
            connect.AddCallback(Script.SendGreeting);
            connect.AddCallbacks(null, Script.Recover);
            connect.AddCallback(Script.Done);
        });
        connect.Callback(null);
        _harness.Reactor.Clock.Advance(0.002);
        expect.Callback("hello");

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var id = snapshot.Deferreds.Single(d => d.Label == "connect 127.0.0.1:7007").Id;

        Assert.Equal(
            [
                $"#{id} connect 127.0.0.1:7007  succeeded in 2.0 ms",
                $"├─ cb  Script.SendGreeting         -> from #{id + 1}: \"hello\"",
                $"│  #{id + 1} expect /hello/               succeeded in 2.0 ms -> \"hello\"",
                "├─ cb  passthru                    -> \"hello\"",
                "└─ cb  Script.Done                 -> \"done\"",
            ],
            ChainTreeRenderer.RenderChain(snapshot.Deferreds, id));
    }

    [Fact]
    public void LinksNotReachedYetAreMarkedNotRunAndFailuresShowTheErrbackPath()
    {
        var (session, _) = _harness.Connected();
        Deferred pending = null!;
        Deferred failing = null!;
        session.RunInScope(() =>
        {
            pending = new Deferred().WithLabel("read banner");
            pending.AddCallback(Script.Done);
            failing = new Deferred().WithLabel("login");
            failing.AddCallback(Script.Explode);
            failing.AddErrback(Script.Recover);
        });
        _harness.Reactor.Clock.Advance(0.5);
        failing.Callback(null);

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var pendingId = snapshot.Deferreds.Single(d => d.Label == "read banner").Id;

        Assert.Equal(
            [
                $"#{pendingId} read banner  pending 500.0 ms",
                "└─ cb  Script.Done                 (not run)",
                $"#{pendingId + 1} login  succeeded in 500.0 ms",
                "├─ cb  Script.Explode              -> InvalidOperationException: boom",
                "└─ eb  Script.Recover              -> \"recovered\"",
            ],
            ChainTreeRenderer.Render(snapshot.Deferreds.Where(d => d.Id >= pendingId).ToArray()));
    }

    public void Dispose() => _harness.Dispose();

    private static class Session
    {
        public static object? OnConnected(object? result) => new EchoClient();
    }

    private static class Script
    {
        public static Deferred? Expected { get; set; }

        public static object? SendGreeting(object? result) => Expected;

        public static object? Done(object? result) => "done";

        public static object? Explode(object? result) => throw new InvalidOperationException("boom");

        public static object? Recover(Failure failure) => "recovered";
    }

    private sealed class EchoClient
    {
    }
}
