using NetScope.Core.Defer;
using NetScope.Core.Time;
using NetScope.Testing;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Time;

/// <summary><see cref="LoopingCall"/> driven by the test <see cref="Clock"/> (Twisted's <c>LoopTests</c>).</summary>
public class LoopingCallTests
{
    private readonly Clock _clock = new();

    [Fact]
    public void StartingNowCallsAtOnceAndThenEveryInterval()
    {
        var calls = new List<double>();
        var loop = new LoopingCall(_clock, () => calls.Add(_clock.Seconds()));
        var finished = loop.Start(0.1);

        _clock.Pump([0.05, 0.1, 0.1]);

        Assert.Equal(3, calls.Count);
        Assert.Equal(0, calls[0]);
        AssertNoResult(finished);

        loop.Stop();

        Assert.Same(loop, SuccessResultOf(finished));
        Assert.Empty(_clock.GetDelayedCalls());
        Assert.False(loop.Running);
    }

    [Fact]
    public void StartingNotNowWaitsOneIntervalFirst()
    {
        var calls = 0;
        var loop = new LoopingCall(_clock, () => calls++);
        var finished = loop.Start(0.1, now: false);
        Assert.Equal(0, calls);

        _clock.Pump([0.05, 0.1, 0.1]);

        Assert.Equal(2, calls);
        loop.Stop();
        Assert.Same(loop, SuccessResultOf(finished));
        Assert.Empty(_clock.GetDelayedCalls());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ABadIntervalIsRejected(double interval)
    {
        var loop = new LoopingCall(_clock, () => { });
        Assert.Throws<ArgumentOutOfRangeException>(() => loop.Start(interval));
        Assert.False(loop.Running);
        Assert.Throws<ArgumentOutOfRangeException>(() => loop.Interval = interval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void StoppingBeforeTheFirstCallPreventsEveryCall(double interval)
    {
        var ran = false;
        var loop = new LoopingCall(_clock, () => ran = true);
        var finished = loop.Start(interval, now: false);
        loop.Stop();
        _clock.Advance(20);
        Assert.False(ran);
        Assert.Empty(_clock.GetDelayedCalls());
        Assert.Same(loop, SuccessResultOf(finished));
    }

    [Fact]
    public void StartTwiceStopOrResetWhenNotRunningAreErrors()
    {
        var loop = new LoopingCall(_clock, () => { });
        Assert.Throws<InvalidOperationException>(loop.Stop);
        Assert.Throws<InvalidOperationException>(loop.Reset);
        loop.Start(1);
        Assert.Throws<InvalidOperationException>(() => loop.Start(1));
        loop.Stop();
        Assert.Throws<InvalidOperationException>(loop.Stop);
    }

    [Fact]
    public void ResetSkipsThePendingCallAndRestartsTheIntervalFromNow()
    {
        var ran = 0;
        var loop = new LoopingCall(_clock, () => ran++);
        loop.Start(2, now: false);
        _clock.Advance(1);
        loop.Reset();
        Assert.Equal(1, loop.StartTime);
        _clock.Advance(1);
        Assert.Equal(0, ran);
        _clock.Advance(1);
        Assert.Equal(1, ran);
    }

    [Fact]
    public void WhenACallRunsPastIntervalsTheMissedOnesAreSkipped()
    {
        var times = new List<double>();
        var callDuration = 2.0;
        var loop = new LoopingCall(_clock, () =>
        {
            times.Add(_clock.Seconds());
            _clock.Advance(callDuration);
        });

        loop.Start(0.5);
        Assert.Equal([0.0], times);
        Assert.Equal(2, _clock.Seconds());

        // The iteration due at 2 is the present, not the future: skipped.
        _clock.Advance(0);
        Assert.Equal([0.0], times);

        callDuration = 1;
        _clock.Advance(0.5);
        Assert.Equal([0, 2.5], times);
        Assert.Equal(3.5, _clock.Seconds());

        _clock.Advance(0);
        Assert.Equal([0, 2.5], times);

        callDuration = 0;
        _clock.Advance(0.5);
        Assert.Equal([0, 2.5, 4], times);
        Assert.Equal(4, _clock.Seconds());
    }

    [Fact]
    public void WhenTheClockJumpsTheMissedIntervalsAreSkipped()
    {
        var times = new List<double>();
        var loop = new LoopingCall(_clock, () => times.Add(_clock.Seconds()));
        loop.Start(0.5);
        Assert.Equal([0.0], times);

        _clock.Advance(2);
        Assert.Equal([0, 2.0], times);
        _clock.Advance(1);
        Assert.Equal([0, 2, 3.0], times);
        _clock.Advance(0);
        Assert.Equal([0, 2, 3.0], times);
    }

    [Fact]
    public void WithCountReportsHowManyIntervalsPassed()
    {
        const double Interval = 0.5;
        const double RealisticDelay = 0.01;
        var times = new List<(double, int)>();
        var loop = LoopingCall.WithCount(_clock, count =>
        {
            times.Add((_clock.Seconds(), count));
            return null;
        });
        loop.Start(Interval);
        Assert.Equal([(0.0, 1)], times);

        _clock.Advance(Interval + RealisticDelay);
        Assert.Equal([(0.0, 1), (Interval + RealisticDelay, 1)], times);

        _clock.Advance((3 * Interval) + RealisticDelay);
        Assert.Equal([(0.0, 1), (Interval + RealisticDelay, 1), ((4 * Interval) + (2 * RealisticDelay), 3)], times);

        _clock.Advance(0);
        Assert.Equal(3, times.Count);
    }

    [Fact]
    public void WithCountCountsOnlyWholeIntervalsMissed()
    {
        const double Interval = 0.5;
        const double RealisticDelay = 0.01;
        var times = new List<(double, int)>();
        var loop = LoopingCall.WithCount(_clock, count =>
        {
            times.Add((_clock.Seconds(), count));
            return null;
        });
        loop.Start(Interval);
        Assert.Equal((0.0, 1), times[^1]);

        _clock.Advance(Interval + RealisticDelay);
        Assert.Equal((Interval + RealisticDelay, 1), times[^1]);

        _clock.Advance(Interval * 1.75);
        Assert.Equal(((2.75 * Interval) + RealisticDelay, 1), times[^1]);

        _clock.Advance(Interval * 0.25);
        Assert.Equal(((3.0 * Interval) + RealisticDelay, 1), times[^1]);
    }

    [Fact]
    public void WithCountNeverReportsZeroAtAFloatingPointBoundary()
    {
        var counts = new List<int>();
        var loop = LoopingCall.WithCount(_clock, count =>
        {
            counts.Add(count);
            return null;
        });
        const int Count = 10;
        const double Timespan = 1.0;
        const double Interval = Timespan / Count;

        loop.Start(Interval, now: false);
        for (var i = 0; i < Count; i++)
        {
            _clock.Advance(Interval);
        }

        // 0.1 is not exactly a tenth in binary: push the clock over the threshold.
        var epsilon = Timespan - Enumerable.Repeat(Interval, Count).Sum();
        _clock.Advance(epsilon);

        Assert.True(Math.Abs(epsilon) > 0, "the edge case needs a rounding error");
        Assert.True(_clock.Seconds() >= Timespan);
        Assert.Equal(Count, counts.Sum());
        Assert.DoesNotContain(0, counts);
    }

    [Fact]
    public void WithCountAtIntervalZeroAlwaysReportsOne()
    {
        var counts = new List<int>();
        LoopingCall? loop = null;
        loop = LoopingCall.WithCount(_clock, count =>
        {
            counts.Add(count);
            if (counts.Count > 4)
            {
                loop!.Stop();
            }

            return null;
        });
        var finished = loop.Start(0, now: false);

        _clock.Advance(0);

        Assert.Same(loop, SuccessResultOf(finished));
        Assert.Equal([1, 1, 1, 1, 1], counts);
    }

    [Fact]
    public void WithCountAtIntervalZeroWaitsForAReturnedDeferredAndStillReportsOne()
    {
        var counts = new List<int>();
        var gate = new Deferred();
        LoopingCall? loop = null;
        loop = LoopingCall.WithCount(_clock, count =>
        {
            counts.Add(count);
            if (counts.Count == 2)
            {
                return gate;
            }

            if (counts.Count > 4)
            {
                loop!.Stop();
            }

            return null;
        });
        loop.Start(0, now: false);

        _clock.Advance(0);
        Assert.Equal([1, 1], counts);
        _clock.Advance(2);
        Assert.Equal([1, 1], counts);

        gate.Callback(null);
        _clock.Advance(0);
        Assert.Equal([1, 1, 1, 1, 1], counts);
    }

    [Fact]
    public void WithCountKeepsTheLastCallTimeWhenTheIntervalChangesFromZero()
    {
        var counts = new List<int>();
        var gate = new Deferred();
        var loop = LoopingCall.WithCount(_clock, count =>
        {
            counts.Add(count);
            return counts.Count == 2 ? gate : null;
        });
        loop.Start(0, now: false);

        _clock.Advance(10);
        Assert.Equal([1, 1], counts);

        loop.Interval = 2;
        gate.Callback(null);

        _clock.Advance(7);
        Assert.Equal([1, 1, 3], counts);
        _clock.Advance(2);
        Assert.Equal([1, 1, 3, 1], counts);
        _clock.Advance(4);
        Assert.Equal([1, 1, 3, 1, 2], counts);
    }

    [Fact]
    public void WithCountReportsIntervalsMissedWhileAReturnedDeferredWasPending()
    {
        var counts = new List<int>();
        var gate = new Deferred();
        var loop = LoopingCall.WithCount(_clock, count =>
        {
            counts.Add(count);
            return counts.Count == 1 ? gate : null;
        });
        loop.Start(0.2, now: false);
        Assert.Empty(counts);

        _clock.Pump([0.2, 0.4]);
        Assert.Single(counts);

        gate.Callback(null);
        _clock.Pump([0.2]);
        Assert.Equal([1, 3], counts);
    }

    [Fact]
    public void AFunctionReturningADeferredDelaysTheNextIterationUntilItFires()
    {
        var starts = new List<double>();
        Deferred? pending = null;
        var loop = new LoopingCall(_clock, () =>
        {
            starts.Add(_clock.Seconds());
            pending = new Deferred();
            return pending;
        });
        loop.Start(1);
        _clock.Advance(5);
        Assert.Equal([0.0], starts);
        Assert.Null(loop.Call);

        pending!.Callback(null);
        Assert.NotNull(loop.Call);
        _clock.Advance(1);
        Assert.Equal([0, 6.0], starts);
    }

    [Fact]
    public void StoppingWhileAnIterationsDeferredIsPendingFiresWhenItFires()
    {
        var gate = new Deferred();
        var loop = new LoopingCall(_clock, () => gate);
        var finished = loop.Start(1);

        loop.Stop();
        AssertNoResult(finished);
        Assert.False(loop.Running);

        gate.Callback(null);
        Assert.Same(loop, SuccessResultOf(finished));
        Assert.Empty(_clock.GetDelayedCalls());
    }

    [Fact]
    public void AFunctionThatStopsTheLoopEndsIt()
    {
        var runs = 0;
        LoopingCall? loop = null;
        loop = new LoopingCall(_clock, () =>
        {
            runs++;
            if (runs > 5)
            {
                loop!.Stop();
            }
        });
        var finished = loop.Start(0);

        _clock.Advance(0);

        Assert.Equal(6, runs);
        Assert.Same(loop, SuccessResultOf(finished));
    }

    [Fact]
    public void AFunctionThatThrowsEndsTheLoopWithItsError()
    {
        var loop = new LoopingCall(_clock, () => throw new FormatException("bar"));
        var finished = loop.Start(0.1);
        Assert.Equal("bar", FailureResultOf<FormatException>(finished).Value.Message);
        Assert.False(loop.Running);
        Assert.Empty(_clock.GetDelayedCalls());
    }

    [Fact]
    public void AFunctionThatStopsAndThenThrowsEndsTheLoopWithItsError()
    {
        LoopingCall? loop = null;
        loop = new LoopingCall(_clock, () =>
        {
            loop!.Stop();
            throw new FormatException("bar");
        });
        var finished = loop.Start(0.1);
        FailureResultOf<FormatException>(finished);
    }

    [Fact]
    public void AFailedDeferredFromTheFunctionEndsTheLoopWithItsError()
    {
        var loop = new LoopingCall(_clock, () =>
        {
            var d = new Deferred();
            _clock.CallLater(0.3, () => d.Errback(new FormatException("late")));
            return d;
        });
        var finished = loop.Start(1);

        _clock.Pump([0.3]);

        Assert.Equal("late", FailureResultOf<FormatException>(finished).Value.Message);
        Assert.Empty(_clock.GetDelayedCalls());
    }

    [Fact]
    public void AFunctionWhoseDeferredStopsTheLoopLeavesNothingScheduled()
    {
        LoopingCall? loop = null;
        loop = new LoopingCall(_clock, () =>
        {
            var d = new Deferred();
            d.AddCallback(_ =>
            {
                loop!.Stop();
                return null;
            });
            _clock.CallLater(1, () => d.Callback(null));
            return d;
        });
        var finished = loop.Start(0.2);

        _clock.Pump([0.2, 0.8]);

        Assert.Empty(_clock.GetDelayedCalls());
        Assert.Same(loop, SuccessResultOf(finished));
    }

    [Fact]
    public void ItCanBeStartedAgainAfterStopping()
    {
        var runs = 0;
        var loop = new LoopingCall(_clock, () => runs++);
        loop.Start(1);
        loop.Stop();
        var again = loop.Start(1);
        Assert.Equal(2, runs);
        Assert.True(loop.Running);
        loop.Stop();
        Assert.Same(loop, SuccessResultOf(again));
    }

    [Fact]
    public void ToStringNamesTheIntervalAndTheFunction()
    {
        var loop = new LoopingCall(_clock, Tick);
        Assert.Equal("LoopingCall<?>(LoopingCallTests.Tick)", loop.ToString());
        loop.Start(0.25);
        Assert.Equal("LoopingCall<0.25>(LoopingCallTests.Tick)", loop.ToString());
    }

    [Fact]
    public void ToStringNamesAnActionNotTheAdapterAroundIt()
    {
        var loop = new LoopingCall(_clock, TickAction);
        Assert.Equal("LoopingCall<?>(LoopingCallTests.TickAction)", loop.ToString());
    }

    [Fact]
    public void ToStringOfACountingLoopNamesTheCountCallable()
    {
        var loop = LoopingCall.WithCount(_clock, CountTick);
        Assert.Equal("LoopingCall<?>(LoopingCallTests.CountTick)", loop.ToString());
    }

    private static object? Tick() => null;

    private static object? CountTick(int count) => null;

    private static void TickAction()
    {
    }
}
