using System.Runtime.CompilerServices;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Tests.Defer.Support;

namespace NetScope.Core.Tests.Defer;

/// <summary>The observation hooks: what a chain view is told while Deferreds run.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class DeferredObserverTests : ProcessWideStateTest
{
    private readonly RecordingObserver _observer = new();

    public DeferredObserverTests()
    {
        Deferred.SetObserver(_observer);
    }

    [Fact]
    public void TheObserverSeesAChainWaitOnAnotherDeferredStepByStep()
    {
        var inner = new Deferred().WithLabel("inner");
        var outer = new Deferred().WithLabel("outer");
        outer.AddCallback(AddOne);
        outer.AddCallback(_ => inner);
        outer.AddErrback(Recover);

        outer.Callback(1);
        inner.Callback(5);

        Assert.Equal(
            [
                "inner: created",
                "outer: created",
                "outer: link 0 added: DeferredObserverTests.AddOne / passthru",
                $"outer: link 1 added: DeferredObserverTests.{nameof(TheObserverSeesAChainWaitOnAnotherDeferredStepByStep)}.<lambda> / passthru",
                "outer: link 2 added: passthru / DeferredObserverTests.Recover",
                "outer: fired with 1",
                "outer: link 0 callback ran -> 2",
                "outer: pause count 1",
                "outer: waits on inner",
                "outer: link 1 callback ran -> inner",
                "inner: fired with 5",
                "inner: link 0 handed to waiter -> null",
                "outer: pause count 0",
                "outer: link 2 passed through -> 5",
            ],
            _observer.Lines("inner", "outer"));
        Assert.Equal(5, outer.Result);
    }

    [Fact]
    public void TheObserverSeesAFailureLeftUnhandledAndThenHandled()
    {
        var d = new Deferred().WithLabel("failing");
        d.Errback(new FormatException("bad"));
        d.AddErrback(_ => null);

        Assert.Equal(
            [
                "failing: created",
                "failing: fired with FormatException: bad",
                "failing: failure left unhandled: FormatException: bad",
                $"failing: link 0 added: passthru / DeferredObserverTests.{nameof(TheObserverSeesAFailureLeftUnhandledAndThenHandled)}.<lambda>",
                "failing: link 0 errback ran -> null",
                "failing: unhandled failure cleared",
            ],
            _observer.Lines("failing"));
    }

    [Fact]
    public void TheObserverSeesCancellationAndPauses()
    {
        var d = new Deferred().WithLabel("cancelled");
        d.Pause();
        d.Cancel();
        d.AddErrback(Recover);
        d.Unpause();

        Assert.Equal(
            [
                "cancelled: created",
                "cancelled: pause count 1",
                "cancelled: cancelled",
                "cancelled: fired with CancelledException: Deferred was cancelled.",
                "cancelled: link 0 added: passthru / DeferredObserverTests.Recover",
                "cancelled: pause count 0",
                "cancelled: link 0 errback ran -> \"recovered\"",
            ],
            _observer.Lines("cancelled"));
    }

    [Fact]
    public async Task AwaitingAFiredDeferredIsSeenAsOneMoreLink()
    {
        var d = Deferred.Succeed(3).WithLabel("awaited");

        Assert.Equal(3, await d);

        Assert.Equal(
            [
                "awaited: created",
                "awaited: fired with 3",
                "awaited: link 0 added: Deferred.TakeResultForAwait.<lambda> / Deferred.TakeResultForAwait.<lambda>",
                "awaited: link 0 callback ran -> null",
            ],
            _observer.Lines("awaited"));
    }

    [Fact]
    public void TheObserverHearsOfAFailedDeferredCollectedUnhandled()
    {
        var label = "collected-" + Guid.NewGuid().ToString("N");
        LeaveUnhandledFailure(label);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Contains($"{label}: collected with unhandled failure: DivideByZeroException: Attempted to divide by zero.", _observer.Lines(label));
    }

    [Fact]
    public void AnObserverThatThrowsIsDetachedAndLogged()
    {
        var log = new CapturingLoggerFactory();
        NetScopeLogging.Factory = log;
        Deferred.SetObserver(new ThrowingObserver());

        var d = new Deferred();
        d.Callback(1);

        Assert.Null(Deferred.Observer);
        Assert.Equal(1, d.Result);
        var entry = Assert.Single(log.Entries, e => e.EventId == 1003);
        Assert.Equal("Deferred observer ThrowingObserver threw; it has been detached", entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public void DetachingTheObserverStopsTheEvents()
    {
        Deferred.SetObserver(null);
        var d = new Deferred().WithLabel("unobserved");
        d.Callback(null);
        Assert.Empty(_observer.Lines("unobserved"));
    }

    private static object? AddOne(object? value) => (int)value! + 1;

    private static object? Recover(Failure failure) => "recovered";

    [MethodImpl(MethodImplOptions.NoInlining)]
    [Fact]
    public void AnAsyncDeferredMethodSuspendedOnAnUnfiredDeferredIsReportedAsWaitingOnIt()
    {
        var inner = new Deferred().WithLabel("inner");
        var outer = AwaitAndAddOne(inner).WithLabel("outer");

        inner.Callback(7);

        Assert.Equal(
            [
                "inner: created",
                "outer: created",
                "outer: awaits inner (resumed by its link 0)",
                "inner: link 0 added: DeferredObserverTests.AwaitAndAddOne (await) / DeferredObserverTests.AwaitAndAddOne (await)",
                "inner: fired with 7",
                "outer: fired with 8",
                "inner: link 0 callback ran -> null",
            ],
            _observer.Lines("inner", "outer"));
    }

    [Fact]
    public async Task AnAsyncTaskMethodAwaitingADeferredIsNamedAfterTheMethod()
    {
        Delegate? seen = null;
        var naming = new NamingObserver(callback => seen = callback);
        Deferred.SetObserver(naming);
        var d = new Deferred();

        var method = AwaitInTask(d);
        d.Callback(2);

        Assert.Equal(3, await method);
        Assert.True(CallableNames.IsAsyncContinuation(seen));
        Assert.Equal("DeferredObserverTests.AwaitInTask (await)", CallableNames.Describe(seen));
    }

    [Fact]
    public void ChainDeferredReportsThatTheOtherDeferredWaitsOnThisOne()
    {
        var source = new Deferred().WithLabel("source");
        var target = new Deferred().WithLabel("target");

        source.ChainDeferred(target);
        source.Callback("x");

        Assert.Equal(
            [
                "source: created",
                "target: created",
                "source: link 0 added: Deferred.CallbackAndContinue / Deferred.ErrbackAndContinue",
                "target: waits on source",
                "source: fired with \"x\"",
                "target: fired with \"x\"",
                "source: link 0 callback ran -> null",
            ],
            _observer.Lines("source", "target"));
        Assert.Null(target.WaitingOn);
    }

    [Fact]
    public void TypedCallbacksAreNamedAfterTheUsersFunctionNotTheAdapter()
    {
        var typed = new Deferred<int>().WithLabel("typed");
        typed.AddCallback(Twice);
        typed.AddCallback<int>(Twice);
        typed.Callback(3);

        Assert.Equal(
            [
                "typed: created",
                "typed: link 0 added: DeferredObserverTests.Twice / passthru",
                "typed: link 1 added: DeferredObserverTests.Twice / passthru",
                "typed: fired with 3",
                "typed: link 0 callback ran -> 6",
                "typed: link 1 callback ran -> 12",
            ],
            _observer.Lines("typed"));
    }

    private static void LeaveUnhandledFailure(string label)
    {
        var d = new Deferred().WithLabel(label);
        d.AddCallback(_ => throw new DivideByZeroException());
        d.Callback(1);
    }

    private static object? Twice(int value) => value * 2;

    private static async Deferred<int> AwaitAndAddOne(Deferred inner) => (int)(await inner)! + 1;

    private static async Task<int> AwaitInTask(Deferred inner) => (int)(await inner)! + 1;

    /// <summary>Hands each callback it is shown to <c>seen</c>; every other event is ignored.</summary>
    private sealed class NamingObserver(Action<Delegate?> seen) : IDeferredObserver
    {
        public void Created(Deferred deferred)
        {
        }

        public void CallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback) => seen(callback);

        public void Fired(Deferred deferred, object? result)
        {
        }

        public void StepRan(Deferred deferred, in DeferredStep step)
        {
        }

        public void PauseChanged(Deferred deferred, int pauseCount)
        {
        }

        public void Chained(Deferred deferred, Deferred waitingOn)
        {
        }

        public void Cancelled(Deferred deferred)
        {
        }

        public void FailureLeftUnhandled(Deferred deferred, Failure failure)
        {
        }

        public void UnhandledFailureCleared(Deferred deferred)
        {
        }

        public void UnhandledFailureFinalized(long deferredId, string? label, Failure failure)
        {
        }
    }

    private sealed class ThrowingObserver : IDeferredObserver
    {
        public void Created(Deferred deferred) => throw new InvalidOperationException("observer bug");

        public void CallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback) => throw new InvalidOperationException();

        public void Fired(Deferred deferred, object? result) => throw new InvalidOperationException();

        public void StepRan(Deferred deferred, in DeferredStep step) => throw new InvalidOperationException();

        public void PauseChanged(Deferred deferred, int pauseCount) => throw new InvalidOperationException();

        public void Chained(Deferred deferred, Deferred waitingOn) => throw new InvalidOperationException();

        public void Cancelled(Deferred deferred) => throw new InvalidOperationException();

        public void FailureLeftUnhandled(Deferred deferred, Failure failure) => throw new InvalidOperationException();

        public void UnhandledFailureCleared(Deferred deferred) => throw new InvalidOperationException();

        public void UnhandledFailureFinalized(long deferredId, string? label, Failure failure) => throw new InvalidOperationException();
    }
}
