using NetScope.Core.Defer;
using NetScope.Testing;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Deferred.AddTimeout"/> driven by the test <see cref="Clock"/>.</summary>
public class DeferredTimeoutTests
{
    private static object? Overridden(object? value, double timeout) => "OVERRIDDEN";

    [Fact]
    public void AddTimeoutReturnsTheSameDeferred()
    {
        var d = new Deferred();
        Assert.Same(d, d.AddTimeout(5, new Clock()));
        d.AddCallback(_ => "done");
        d.Callback(null);
        Assert.Equal("done", SuccessResultOf(d));
    }

    [Fact]
    public void WithoutAResultInTimeItFailsWithDeferredTimeoutException()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock);
        AssertNoResult(d);

        clock.Advance(9.999);
        AssertNoResult(d);
        clock.Advance(0.001);

        var failure = FailureResultOf<DeferredTimeoutException>(d);
        Assert.Equal(10, ((DeferredTimeoutException)failure.Value).TimeoutSeconds);
        Assert.Equal("Deferred timed out after 10 seconds", failure.Value.Message);
    }

    [Fact]
    public void AResultInTimePassesThroughAndCancelsTheTimer()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock);
        var inner = new Deferred();
        object? seen = null;
        d.AddCallback(r =>
        {
            seen = r;
            return inner;
        });
        Assert.Single(clock.GetDelayedCalls());

        d.Callback("results");

        Assert.Equal("results", seen);
        Assert.Empty(clock.GetDelayedCalls());
        clock.Advance(15);

        // Had the timeout fired, cancelling d would have cancelled inner too.
        AssertNoResult(inner);
    }

    [Fact]
    public void AResultInTimePassesThroughEvenWithACustomTimeoutHandler()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock, Overridden);
        var inner = new Deferred();
        d.AddCallback(_ => inner);
        d.Callback("results");
        clock.Advance(15);
        AssertNoResult(inner);
    }

    [Fact]
    public void AFailureInTimePassesThroughAndCancelsTheTimer()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock);
        var inner = new Deferred();
        var error = new FormatException("fail");
        Failure? seen = null;
        d.AddErrback(f =>
        {
            seen = f;
            return inner;
        });

        d.Errback(error);

        Assert.Same(error, seen!.Value);
        Assert.Empty(clock.GetDelayedCalls());
        clock.Advance(15);
        AssertNoResult(inner);
    }

    [Fact]
    public void AFailureInTimePassesThroughEvenWithACustomTimeoutHandler()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock, Overridden);
        var inner = new Deferred();
        d.AddErrback(_ => inner);
        d.Errback(new FormatException());
        clock.Advance(15);
        AssertNoResult(inner);
    }

    [Fact]
    public void ACustomTimeoutHandlerDecidesTheResultOnTimeout()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock, Overridden);
        clock.Advance(15);
        Assert.Equal("OVERRIDDEN", SuccessResultOf(d));
    }

    [Fact]
    public void TheTimeoutHandlerReceivesTheValueAtTimeoutAndTheTimeout()
    {
        var clock = new Clock();
        var d = new Deferred();
        var calls = new List<(object? Value, double Timeout)>();
        d.AddTimeout(2.5, clock, (value, timeout) =>
        {
            calls.Add((value, timeout));
            return "handled";
        });

        clock.Advance(2.5);

        var (value, timeout) = Assert.Single(calls);
        Assert.True(Assert.IsType<Failure>(value).Check<CancelledException>());
        Assert.Equal(2.5, timeout);
        Assert.Equal("handled", SuccessResultOf(d));
    }

    [Fact]
    public void ACancellerThatCallbacksGivesItsValueOnTimeout()
    {
        var clock = new Clock();
        var d = new Deferred(x => x.Callback("I was cancelled!"));
        d.AddTimeout(10, clock);
        clock.Advance(15);
        Assert.Equal("I was cancelled!", SuccessResultOf(d));
    }

    [Fact]
    public void ACancellerThatFailsWithAnotherErrorKeepsThatErrorOnTimeout()
    {
        var clock = new Clock();
        var error = new FormatException("what!");
        var d = new Deferred(x => x.Errback(error));
        d.AddTimeout(10, clock);
        clock.Advance(15);
        Assert.Same(error, FailureResultOf<FormatException>(d).Value);
    }

    [Fact]
    public void ACustomTimeoutHandlerAlsoHandlesACancellersOwnError()
    {
        var clock = new Clock();
        var d = new Deferred(x => x.Errback(new FormatException("what!")));
        d.AddTimeout(10, clock, Overridden);
        clock.Advance(15);
        Assert.Equal("OVERRIDDEN", SuccessResultOf(d));
    }

    [Fact]
    public void CancellingBeforeTheTimeoutKeepsTheCancelledExceptionAndStopsTheTimer()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddTimeout(10, clock);
        var inner = new Deferred();
        Failure? seen = null;
        d.AddErrback(f =>
        {
            seen = f;
            return inner;
        });

        d.Cancel();

        Assert.Equal(typeof(CancelledException), seen!.Type);
        Assert.Empty(clock.GetDelayedCalls());
        clock.Advance(15);
        AssertNoResult(inner);
    }

    [Fact]
    public void CancellingBeforeTheTimeoutDoesNotCallTheCustomHandler()
    {
        var clock = new Clock();
        var d = new Deferred();
        var handlerCalls = 0;
        d.AddTimeout(10, clock, (v, _) =>
        {
            handlerCalls++;
            return v;
        });
        d.Cancel();
        clock.Advance(15);
        Assert.Equal(0, handlerCalls);
        FailureResultOf<CancelledException>(d);
    }

    [Fact]
    public void AnErrbackAddedBeforeTheTimeoutSeesCancelledExceptionAndItsFailureBecomesTimeout()
    {
        var clock = new Clock();
        var d = new Deferred();
        Failure? seen = null;
        d.AddErrback(f =>
        {
            seen = f;
            return f;
        });
        d.AddTimeout(10, clock);

        clock.Advance(15);

        Assert.True(seen!.Check<CancelledException>());
        FailureResultOf<DeferredTimeoutException>(d);
    }

    [Fact]
    public void AnErrbackAddedBeforeTheTimeoutCanSuppressTheCancellation()
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddErrback(f =>
        {
            f.Trap(typeof(CancelledException));
            return null;
        });
        d.AddTimeout(10, clock);

        clock.Advance(15);

        Assert.Null(SuccessResultOf(d));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WithAnErrbackAddedBeforeTheTimeoutTheCustomHandlerStillRuns(bool errbackKeepsFailure)
    {
        var clock = new Clock();
        var d = new Deferred();
        d.AddErrback(f => errbackKeepsFailure ? f : null);
        d.AddTimeout(10, clock, Overridden);
        clock.Advance(15);
        Assert.Equal("OVERRIDDEN", SuccessResultOf(d));
    }

    [Fact]
    public void ACallbackAddedBeforeTheTimeoutRunsWhenTheCancellerCallsBack()
    {
        var clock = new Clock();
        var d = new Deferred(x => x.Callback("success"));
        object? seen = null;
        d.AddCallback(r =>
        {
            seen = r;
            return r;
        });
        d.AddTimeout(10, clock);

        clock.Advance(15);

        Assert.Equal("success", seen);
        Assert.Equal("success", SuccessResultOf(d));
    }

    [Fact]
    public void ACallbackAddedBeforeTheTimeoutRunsAndTheCustomHandlerStillDecides()
    {
        var clock = new Clock();
        var d = new Deferred(x => x.Callback("success"));
        object? seen = null;
        d.AddCallback(r =>
        {
            seen = r;
            return r;
        });
        d.AddTimeout(10, clock, Overridden);

        clock.Advance(15);

        Assert.Equal("success", seen);
        Assert.Equal("OVERRIDDEN", SuccessResultOf(d));
    }
}
