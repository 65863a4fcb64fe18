using NetScope.Core.Defer;
using NetScope.Sessions.Events;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Sessions.Tests;

/// <summary>A chain that ends in a failure nobody handles is flagged the moment it happens, with its chain.</summary>
public sealed class UnhandledFailureTests : IDisposable
{
    private readonly Harness _harness = new();

    [Fact]
    public void AFailureLeftAtTheEndOfAChainIsReportedAtOnceWithTheChain()
    {
        var (session, _) = _harness.Connected();
        Deferred doomed = null!;
        session.RunInScope(() =>
        {
            doomed = new Deferred().WithLabel("doomed");
            doomed.AddCallback(Explode);
        });
        _harness.Reactor.Clock.Advance(0.003);
        _ = _harness.Events;

        doomed.Callback(null);

        var report = Assert.Single(_harness.EventsOf<DeferredUnhandled>());
        Assert.Equal(session.Id, report.EntryId);
        Assert.Equal("InvalidOperationException: no greeting", report.Failure);
        Assert.Equal(
            [
                $"#{report.DeferredId} doomed  succeeded in 3.0 ms; ends in an unhandled failure",
                "└─ cb  UnhandledFailureTests.Explode  -> InvalidOperationException: no greeting",
            ],
            ChainText.WithoutDurations(report.Chain));
        Assert.True(_harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Single(d => d.Id == report.DeferredId).Unhandled);
    }

    [Fact]
    public void AddingAnErrbackLaterClearsTheFlag()
    {
        var (session, _) = _harness.Connected();
        Deferred doomed = null!;
        session.RunInScope(() => doomed = new Deferred().WithLabel("doomed"));
        doomed.Errback(new InvalidOperationException("no greeting"));
        var report = Assert.Single(_harness.EventsOf<DeferredUnhandled>());

        doomed.AddErrback(_ => null);

        Assert.Equal(report.DeferredId, Assert.Single(_harness.EventsOf<DeferredUnhandledCleared>()).DeferredId);
        Assert.False(_harness.Workspace.SnapshotSession(session.Id)!.Deferreds.Single(d => d.Id == report.DeferredId).Unhandled);
    }

    [Fact]
    public void AHandledFailureIsNeverReported()
    {
        var (session, _) = _harness.Connected();
        session.RunInScope(() =>
        {
            var handled = new Deferred().WithLabel("handled");
            handled.AddCallback(Explode);
            handled.AddErrback(_ => "fine");
            handled.Callback(null);
        });

        Assert.Empty(_harness.EventsOf<DeferredUnhandled>());
    }

    public void Dispose() => _harness.Dispose();

    private static object? Explode(object? result) => throw new InvalidOperationException("no greeting");
}
