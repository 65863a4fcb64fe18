using NetScope.Core.Defer;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Events;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>The pending-Deferred watchdog: reported once past the threshold, listed, cancellable by number.</summary>
public sealed class WatchdogTests : IDisposable
{
    private readonly Harness _harness = new(new WorkspaceOptions { StallThresholdSeconds = 5, CaptureCreationSites = true });

    [Fact]
    public void APendingDeferredIsReportedOnceAfterTheThresholdWithItsAgeAndSite()
    {
        var (session, _) = _harness.Connected();
        Deferred slow = null!;
        session.RunInScope(() => slow = CreateSlow());

        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 19));
        Assert.DoesNotContain(_harness.EventsOf<DeferredStalled>(), e => e.Label == "slow query");
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 8));

        var stalled = Assert.Single(_harness.EventsOf<DeferredStalled>(), e => e.Label == "slow query");
        Assert.Equal((session.Id, "slow query", 5.0), (stalled.EntryId, stalled.Label, stalled.AgeSeconds));
        Assert.StartsWith("WatchdogTests.CreateSlow in ", stalled.CreationSite);
        var listed = Assert.Single(_harness.Workspace.Snapshot().Stalled, d => d.Label == "slow query");
        Assert.Equal((stalled.DeferredId, DeferredState.Pending, 6.75), (listed.Id, listed.State, listed.Age));
        GC.KeepAlive(slow);
    }

    [Fact]
    public async Task CancellingByNumberCancelsTheDeferredInItsSessionsScope()
    {
        const string Handler = $"WatchdogTests.{nameof(CancellingByNumberCancelsTheDeferredInItsSessionsScope)}.<lambda>";
        var (session, _) = _harness.Connected();
        Deferred slow = null!;
        Exception? seen = null;
        session.RunInScope(() =>
        {
            slow = CreateSlow();
            slow.AddErrback(failure =>
            {
                seen = failure.Value;
                return null;
            });
        });
        _harness.Reactor.Clock.Pump(Enumerable.Repeat(0.25, 24));
        var id = Assert.Single(_harness.Workspace.Snapshot().Stalled, d => d.Label == "slow query").Id;

        Assert.True(await _harness.Workspace.CancelDeferredAsync(id));
        Assert.False(await _harness.Workspace.CancelDeferredAsync(id));
        Assert.False(await _harness.Workspace.CancelDeferredAsync(9999));

        Assert.IsType<CancelledException>(seen);
        Assert.DoesNotContain(_harness.Workspace.Snapshot().Stalled, d => d.Label == "slow query");
        var record = _harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Single(d => d.Id == id);
        Assert.Equal(DeferredState.Cancelled, record.State);
        Assert.Equal(
            [
                $"#{id} slow query  cancelled after 6.0 s; handled by eb {Handler}",
                $"└─ eb  {Handler}  -> null",
            ],
            ChainText.WithoutDurations(ChainTreeRenderer.Render([record], new ChainTreeOptions { CreationSites = false })));
        Assert.True(record.CancelRequested);
        Assert.Contains(_harness.EventsOf<DeferredCancelled>(), e => e.DeferredId == id);
    }

    [Fact]
    public void ACancelledDeferredLeftWithItsCancellationReadsCancelledAndUnhandled()
    {
        var (session, _) = _harness.Connected();
        session.RunInScope(() => CreateSlow());
        _harness.Reactor.Clock.Advance(3);
        var id = _harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Single(d => d.Label == "slow query").Id;

        _harness.Workspace.CancelDeferred(id);

        var snapshot = _harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Single(d => d.Id == id);
        Assert.Equal(DeferredState.Cancelled, snapshot.State);
        var lines = ChainTreeRenderer.Render([snapshot]);
        Assert.Equal(2, lines.Count);
        Assert.Equal($"#{id} slow query  cancelled after 3.0 s -> CancelledException: Deferred was cancelled. (unhandled)", lines[0]);
        Assert.StartsWith("   created at WatchdogTests.CreateSlow in ", lines[1], StringComparison.Ordinal);
    }

    public void Dispose() => _harness.Dispose();

    private static Deferred CreateSlow() => new Deferred().WithLabel("slow query");
}
