using NetScope.Core.Defer;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Sessions.Tests;

/// <summary>Chain trees as text, from real Deferreds run in a session, asserted line by line.</summary>
public sealed class ChainTreeRendererTests : IDisposable
{
    /// <summary>
    /// Link durations are real run times, and creation sites appear whenever another test has
    /// debug mode on (it is process-wide): the tests that use real Deferreds leave both out (one
    /// test checks durations, one checks sites).
    /// </summary>
    private static readonly ChainTreeOptions NoDurations = new() { LinkDurations = false, CreationSites = false };

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
            ChainTreeRenderer.RenderChain(snapshot.Deferreds, id, NoDurations));
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
            ChainTreeRenderer.RenderChain(snapshot.Deferreds, id, NoDurations));
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
            ChainTreeRenderer.Render(snapshot.Deferreds.Where(d => d.Id >= pendingId).ToArray(), NoDurations));
    }

    [Fact]
    public void AFailedDeferredSaysHowItFiredAndWhichErrbackHandledIt()
    {
        var (session, _) = _harness.Connected();
        Deferred connect = null!;
        session.RunInScope(() =>
        {
            connect = new Deferred().WithLabel("connect 127.0.0.1:49177");
            connect.AddCallback(Session.OnConnected);
            connect.AddErrback(Script.Recover);
        });
        _harness.Reactor.Clock.Advance(0.017);
        connect.Errback(new InvalidOperationException("Connection refused"));

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var id = snapshot.Deferreds.Single(d => d.Label == "connect 127.0.0.1:49177").Id;

        Assert.Equal(
            [
                $"#{id} connect 127.0.0.1:49177  failed in 17.0 ms: InvalidOperationException: Connection refused; handled by eb Script.Recover",
                "├─ eb  passthru                    -> InvalidOperationException: Connection refused",
                "└─ eb  Script.Recover              -> \"recovered\"",
            ],
            ChainTreeRenderer.RenderChain(snapshot.Deferreds, id, NoDurations));
        Assert.Equal(DeferredState.Failed, snapshot.Deferreds.Single(d => d.Id == id).State);
    }

    [Fact]
    public void AnAsyncMethodsDeferredWaitsOnWhatItAwaitsWhichIsNestedUnderTheAwait()
    {
        var (session, _) = _harness.Connected();
        Deferred expect = null!;
        Deferred conversation = null!;
        session.RunInScope(() =>
        {
            expect = new Deferred().WithLabel("expect /hello/");
            conversation = Converse(expect).WithLabel("converse");
        });
        _harness.Reactor.Clock.Advance(1.2);

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var inner = snapshot.Deferreds.Single(d => d.Label == "expect /hello/").Id;
        var outer = snapshot.Deferreds.Single(d => d.Label == "converse");
        Assert.Equal((DeferredState.Waiting, (long?)inner), (outer.State, outer.WaitingOn));

        Assert.Equal(
            [
                $"#{outer.Id} converse  waiting on #{inner}, pending 1.2 s",
                $"└─ aw  ChainTreeRendererTests.Converse             -> waiting on #{inner}",
                $"   #{inner} expect /hello/                               pending 1.2 s",
                "   └─ cb  ChainTreeRendererTests.Converse (await)  (not run)",
            ],
            ChainTreeRenderer.Render(snapshot.Deferreds.Where(d => d.Id >= inner).ToArray(), NoDurations));
    }

    [Fact]
    public void AnAwaitThatRaisesShowsTheFailureTheMethodReceived()
    {
        var (session, _) = _harness.Connected();
        Deferred expect = null!;
        session.RunInScope(() =>
        {
            expect = new Deferred().WithLabel("expect /nomatch/");
            Converse(expect).WithLabel("converse");
        });
        _harness.Reactor.Clock.Advance(6.5);
        expect.Errback(new TimeoutException("no match"));

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var inner = snapshot.Deferreds.Single(d => d.Label == "expect /nomatch/").Id;
        var outer = snapshot.Deferreds.Single(d => d.Label == "converse").Id;

        Assert.Equal(
            [
                $"#{outer} converse  failed in 6.5 s: TimeoutException: no match (unhandled)",
                $"└─ aw  ChainTreeRendererTests.Converse             -> #{inner} raised TimeoutException: no match",
                $"   #{inner} expect /nomatch/                             failed in 6.5 s: TimeoutException: no match; handled by eb ChainTreeRendererTests.Converse (await)",
                "   └─ eb  ChainTreeRendererTests.Converse (await)  -> raised in the method: TimeoutException: no match",
            ],
            ChainTreeRenderer.Render(snapshot.Deferreds.Where(d => d.Id >= inner).ToArray(), NoDurations));
    }

    [Fact]
    public void ADeferredChainedWithChainDeferredWaitsOnItsSourceUntilTheSourcesLinkFiresIt()
    {
        var (session, _) = _harness.Connected();
        Deferred source = null!;
        Deferred target = null!;
        session.RunInScope(() =>
        {
            source = new Deferred().WithLabel("source");
            target = new Deferred().WithLabel("target");
            source.ChainDeferred(target);
        });
        _harness.Reactor.Clock.Advance(0.001);

        var before = _harness.Workspace.SnapshotSession(session.Id)!.Deferreds;
        var sourceId = before.Single(d => d.Label == "source").Id;
        Assert.Equal(
            [
                $"#{sourceId} source  pending 1.0 ms",
                $"└─ cb  ChainDeferred #{sourceId + 1}".PadRight(ChainTreeRenderer.MinimumColumn) + "(not run)",
                $"#{sourceId + 1} target  waiting on #{sourceId}, pending 1.0 ms",
            ],
            ChainTreeRenderer.Render(before.Where(d => d.Id >= sourceId).ToArray(), NoDurations));

        source.Callback("x");

        var after = _harness.Workspace.SnapshotSession(session.Id)!.Deferreds;
        Assert.Equal(
            [
                $"#{sourceId} source  succeeded in 1.0 ms",
                $"└─ cb  ChainDeferred #{sourceId + 1}".PadRight(ChainTreeRenderer.MinimumColumn) + "-> null",
                $"#{sourceId + 1} target  succeeded in 1.0 ms -> \"x\"",
            ],
            ChainTreeRenderer.Render(after.Where(d => d.Id >= sourceId).ToArray(), NoDurations));
    }

    [Fact]
    public void LinksShowHowLongTheyRanAndDeferredsWhereTheyWereCreated()
    {
        var link = new DeferredLinkSnapshot
        {
            Index = 0,
            Kind = DeferredLinkKind.Callbacks,
            Callback = "Session.OnConnected",
            Errback = "passthru",
            Reached = true,
            OnErrbackPath = false,
            Ran = true,
            Outcome = "EchoClient",
            OutcomeIsFailure = false,
            Duration = 0.000012,
        };
        var deferred = new DeferredSnapshot
        {
            Id = 3,
            EntryId = 1,
            Label = "connect",
            CreationSite = "Client.Connect in Client.cs:line 12",
            State = DeferredState.Succeeded,
            CreatedAt = 0,
            FiredAt = 0.0004,
            Age = 1,
            Outcome = "EchoClient",
            OutcomeIsFailure = false,
            FiredOutcome = "null",
            Unhandled = false,
            CancelRequested = false,
            Links = [link, link with { Index = 1, Callback = "Script.Slow", Duration = 0.0025 }, link with { Index = 2, Callback = "Script.Later", Reached = false, Ran = false }],
            LinksNotShown = 0,
        };

        Assert.Equal(
            [
                "#3 connect  succeeded in 0.4 ms",
                "│  created at Client.Connect in Client.cs:line 12",
                "├─ cb  Session.OnConnected         -> EchoClient  in 12 µs",
                "├─ cb  Script.Slow                 -> EchoClient  in 2.5 ms",
                "└─ cb  Script.Later                (not run)",
            ],
            ChainTreeRenderer.Render([deferred]));
    }

    [Fact]
    public void RealLinkDurationsAreShownForEveryLinkThatRan()
    {
        var (session, _) = _harness.Connected();
        Deferred d = null!;
        session.RunInScope(() =>
        {
            d = new Deferred().WithLabel("timed");
            d.AddCallback(Script.Done);
            d.AddCallbacks(null, Script.Recover);
        });
        d.Callback(null);

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!;
        var lines = ChainTreeRenderer.Render(snapshot.Deferreds.Where(x => x.Label == "timed").ToArray(), new ChainTreeOptions { CreationSites = false });

        Assert.Matches(@"^├─ cb  Script\.Done +-> ""done""  in (\d+ µs|\d+\.\d ms)$", lines[1]);
        Assert.Equal("└─ cb  passthru                    -> \"done\"", lines[2]);
    }

    public void Dispose() => _harness.Dispose();

    private static async Deferred<string> Converse(Deferred expect) => "got " + (string?)await expect;

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
