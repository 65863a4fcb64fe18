using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Deferred.Cancel"/> and cancellers.</summary>
public class DeferredCancellationTests
{
    [Fact]
    public void CancellingWithoutACancellerFailsWithCancelledException()
    {
        var d = new Deferred();
        var callbackRan = false;
        Failure? error = null;
        d.AddCallbacks(
            r =>
            {
                callbackRan = true;
                return r;
            },
            f =>
            {
                error = f;
                return null;
            });

        d.Cancel();

        Assert.False(callbackRan);
        Assert.NotNull(error);
        Assert.Equal(typeof(CancelledException), error.Type);
    }

    [Fact]
    public void WithoutACancellerOneLaterCallbackIsSwallowedAndTheNextThrows()
    {
        var d = new Deferred();
        d.AddErrback(_ => null);
        d.Cancel();

        d.Callback(null);

        Assert.Throws<AlreadyCalledException>(() => d.Callback(null));
        Assert.Throws<AlreadyCalledException>(() => d.Errback(new InvalidOperationException()));
    }

    [Fact]
    public void WithoutACancellerOneLaterErrbackIsSwallowedAndTheNextThrows()
    {
        var d = new Deferred();
        var errors = new List<Failure>();
        d.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });
        d.Cancel();

        d.Errback(new InvalidOperationException());

        Assert.Equal(typeof(CancelledException), Assert.Single(errors).Type);
        Assert.Throws<AlreadyCalledException>(() => d.Callback(null));
        Assert.Throws<AlreadyCalledException>(() => d.Errback(new InvalidOperationException()));
    }

    [Fact]
    public void CancellingAgainAfterTheSwallowedResultChangesNothing()
    {
        var d = new Deferred();
        var errors = new List<Failure>();
        d.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });
        d.Cancel();
        d.Callback(null);
        d.Cancel();
        d.Cancel();
        Assert.Single(errors);
    }

    [Fact]
    public void CancellingTwiceCallsTheCancellerOnceAndFailsOnce()
    {
        var cancellerCalls = 0;
        var errors = new List<Failure>();
        var d = new Deferred(_ => cancellerCalls++);
        d.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });

        d.Cancel();
        d.Cancel();

        Assert.Equal(1, cancellerCalls);
        Assert.Equal(typeof(CancelledException), Assert.Single(errors).Type);
    }

    [Fact]
    public void TheCancellerReceivesTheDeferredAndLaterFiringsAreNotSwallowed()
    {
        Deferred? received = null;
        var d = new Deferred(x => received = x);
        d.AddErrback(_ => null);

        d.Cancel();

        Assert.Same(d, received);
        Assert.Throws<AlreadyCalledException>(() => d.Callback(null));
        Assert.Throws<AlreadyCalledException>(() => d.Errback(new InvalidOperationException()));
    }

    [Fact]
    public void CancellingAfterFiringDoesNothing()
    {
        var cancellerCalls = 0;
        var ok = new Deferred(x =>
        {
            cancellerCalls++;
            x.Errback(new InvalidOperationException());
        });
        ok.Callback("biff!");
        ok.Cancel();
        Assert.Equal("biff!", SuccessResultOf(ok));

        var failed = new Deferred(_ => cancellerCalls++);
        failed.Errback(new FormatException());
        failed.Cancel();
        FailureResultOf<FormatException>(failed);

        Assert.Equal(0, cancellerCalls);
    }

    [Fact]
    public void ACancellerThatErrbacksDecidesTheFailure()
    {
        var d = new Deferred(x => x.Errback(new FormatException("from canceller")));
        d.Cancel();
        Assert.Equal("from canceller", FailureResultOf<FormatException>(d).Value.Message);
    }

    [Fact]
    public void ACancellerThatCallbacksTurnsCancellationIntoSuccess()
    {
        var d = new Deferred(x => x.Callback("hello!"));
        d.Cancel();
        Assert.Equal("hello!", SuccessResultOf(d));
    }

    [Fact]
    public void AnExceptionFromTheCancellerPropagatesToTheCaller()
    {
        var d = new Deferred(_ => throw new InvalidOperationException("canceller broke"));
        var thrown = Assert.Throws<InvalidOperationException>(d.Cancel);
        Assert.Equal("canceller broke", thrown.Message);
        Assert.False(d.Called);
    }

    [Fact]
    public void CancellingADeferredWaitingOnAnotherCancelsTheOtherOne()
    {
        var innerCancels = 0;
        var inner = new Deferred(_ => innerCancels++);
        var outer = new Deferred(_ => Assert.Fail("the outer Deferred has already fired"));
        outer.Callback(null);
        outer.AddCallback(_ => inner);

        outer.Cancel();

        Assert.Equal(1, innerCancels);
        FailureResultOf<CancelledException>(outer);
    }

    [Fact]
    public void CancellationReachesTheInnermostOfSeveralWaitingDeferreds()
    {
        var innermost = new Deferred();
        var middle = new Deferred();
        middle.AddCallback(_ => innermost);
        middle.Callback(null);
        var outer = new Deferred();
        outer.AddCallback(_ => middle);
        outer.Callback(null);

        outer.Cancel();

        FailureResultOf<CancelledException>(outer);
        Assert.Null(innermost.Result);
        Assert.Null(middle.Result);
    }

    [Fact]
    public void TheCancelledExceptionIsAnOperationCanceledException()
    {
        var d = new Deferred();
        d.Cancel();
        Assert.IsAssignableFrom<OperationCanceledException>(FailureResultOf<CancelledException>(d).Value);
    }
}
