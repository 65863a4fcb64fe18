using NetScope.Core.Time;
using NetScope.Testing;

namespace NetScope.Core.Tests.Time;

/// <summary>The deterministic test <see cref="Clock"/> (Twisted's <c>task.Clock</c>).</summary>
public class ClockTests
{
    [Fact]
    public void TimeStandsStillUntilAdvanced()
    {
        var clock = new Clock();
        Assert.Equal(0, clock.Seconds());
        clock.Advance(1.5);
        Assert.Equal(1.5, clock.Seconds());
        Assert.Equal(10, new Clock(10).Seconds());
    }

    [Fact]
    public void CallLaterReturnsAnActiveCallDueLater()
    {
        var clock = new Clock();
        var call = clock.CallLater(1, () => { });
        Assert.Equal(1, call.GetTime());
        Assert.True(call.Active());
        Assert.False(call.Called);
        Assert.False(call.Cancelled);
    }

    [Fact]
    public void EachCallLaterReturnsANewCall()
    {
        var clock = new Clock();
        Assert.NotSame(clock.CallLater(10, () => { }), clock.CallLater(1, () => { }));
    }

    [Fact]
    public void ACancelledCallIsInactiveAndNeverRuns()
    {
        var clock = new Clock();
        var ran = false;
        var call = clock.CallLater(1, () => ran = true);
        call.Cancel();
        Assert.False(call.Active());
        Assert.True(call.Cancelled);
        clock.Advance(2);
        Assert.False(ran);
        Assert.Empty(clock.GetDelayedCalls());
    }

    [Fact]
    public void AdvancingRunsTheCallsThatBecomeDue()
    {
        var clock = new Clock();
        var events = new List<double>();
        var call = clock.CallLater(2, () => events.Add(clock.Seconds()));
        clock.Advance(1);
        Assert.Empty(events);
        clock.Advance(1);
        Assert.Equal([2.0], events);
        Assert.False(call.Active());
        Assert.True(call.Called);
    }

    [Fact]
    public void ACallCancellingItselfWhileRunningGetsAlreadyCalled()
    {
        var clock = new Clock();
        Exception? thrown = null;
        IDelayedCall? call = null;
        call = clock.CallLater(1, () => thrown = Record.Exception(() => call!.Cancel()));
        clock.Advance(1);
        Assert.IsType<DelayedCallAlreadyCalledException>(thrown);
    }

    [Fact]
    public void ACallCanBeDelayed()
    {
        var clock = new Clock();
        var ran = 0;
        var call = clock.CallLater(1, () => ran++);
        call.Delay(1);
        Assert.Equal(2, call.GetTime());
        clock.Advance(1.5);
        Assert.Equal(0, ran);
        clock.Advance(1.0);
        Assert.Equal(1, ran);
    }

    [Fact]
    public void ACallCanBeResetToLaterFromNow()
    {
        var clock = new Clock();
        var ran = 0;
        var call = clock.CallLater(2, () => ran++);
        clock.Advance(1);
        call.Reset(3);
        Assert.Equal(4, call.GetTime());
        clock.Advance(2);
        Assert.Equal(0, ran);
        clock.Advance(1);
        Assert.Equal(1, ran);
    }

    [Fact]
    public void ACallCanBeResetToSooner()
    {
        var clock = new Clock();
        var ran = 0;
        var call = clock.CallLater(4, () => ran++);
        call.Reset(3);
        Assert.Equal(3, call.GetTime());
        clock.Advance(3);
        Assert.Equal(1, ran);
    }

    [Fact]
    public void GetDelayedCallsListsThePendingCallsInDueOrder()
    {
        var clock = new Clock();
        Assert.Empty(clock.GetDelayedCalls());
        var later = clock.CallLater(2, () => { });
        var sooner = clock.CallLater(1, () => { });
        Assert.Equal([sooner, later], clock.GetDelayedCalls());
        clock.Advance(1);
        Assert.Equal([later], clock.GetDelayedCalls());
    }

    [Fact]
    public void CallsDueAtTheSameTimeRunInTheOrderTheyWereScheduled()
    {
        var clock = new Clock();
        var order = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var n = i;
            clock.CallLater(1, () => order.Add(n));
        }

        clock.Advance(5);

        Assert.Equal(Enumerable.Range(0, 20), order);
    }

    [Fact]
    public void ACallResetPastAnotherRunsAfterIt()
    {
        var clock = new Clock();
        var result = new List<(string, double)>();
        var a = clock.CallLater(1.0, () => result.Add(("a", clock.Seconds())));
        a.Reset(3.0);
        clock.CallLater(2.0, () => result.Add(("b", clock.Seconds())));

        clock.Pump([1, 1, 1]);

        Assert.Equal([("b", 2.0), ("a", 3.0)], result);
    }

    [Fact]
    public void ACallResetToTheSameTimeAsAnotherRunsAfterItUnlikeTwistedsClock()
    {
        // Deliberate (docs/deferred.md): a reset call is ordered as if scheduled at the reset;
        // Twisted's task.Clock keeps list order, so there "a" would run first.
        var clock = new Clock();
        var result = new List<string>();
        var a = clock.CallLater(1.0, () => result.Add("a"));
        clock.CallLater(2.0, () => result.Add("b"));
        a.Reset(2.0);

        clock.Advance(2);

        Assert.Equal(["b", "a"], result);
    }

    [Fact]
    public void ACallResetPastALaterScheduledOneRunsAfterIt()
    {
        var clock = new Clock();
        var result = new List<(string, double)>();
        var a = clock.CallLater(1.0, () => result.Add(("a", clock.Seconds())));
        clock.CallLater(2.0, () => result.Add(("b", clock.Seconds())));
        a.Reset(3.0);

        clock.Pump([1, 1, 1]);

        Assert.Equal([("b", 2.0), ("a", 3.0)], result);
    }

    [Fact]
    public void AResetDoneByARunningCallKeepsTheOrder()
    {
        var clock = new Clock();
        var result = new List<(string, double)>();
        var b = clock.CallLater(2.0, () => result.Add(("b", clock.Seconds())));
        clock.CallLater(1.0, () => b.Reset(3.0));
        clock.CallLater(3.0, () => result.Add(("c", clock.Seconds())));

        clock.Pump(Enumerable.Repeat(0.5, 10));

        Assert.Equal([("c", 3.0), ("b", 4.0)], result);
    }

    [Fact]
    public void CallsScheduledByRunningCallsRunInTheSameAdvanceWhenDueAtTheNewTime()
    {
        // Like Twisted's Clock, Advance moves time first and then runs what is due at the new time.
        var clock = new Clock();
        var order = new List<string>();
        clock.CallLater(1, () =>
        {
            order.Add("first at " + clock.Seconds());
            clock.CallLater(0, () =>
            {
                order.Add("scheduled now");
                clock.CallLater(0, () => order.Add("scheduled by the scheduled one"));
            });
            clock.CallLater(0.5, () => order.Add("due after the advance"));
        });

        clock.Advance(2);

        Assert.Equal(["first at 2", "scheduled now", "scheduled by the scheduled one"], order);
        Assert.Single(clock.GetDelayedCalls());
        clock.Advance(0.5);
        Assert.Equal("due after the advance", order[^1]);
    }

    [Fact]
    public void AnExceptionFromACallPropagatesAndLeavesTheRestPending()
    {
        var clock = new Clock();
        var ran = new List<string>();
        clock.CallLater(1, () => throw new InvalidOperationException("boom"));
        clock.CallLater(1, () => ran.Add("second"));

        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => clock.Advance(1)).Message);
        Assert.Empty(ran);
        Assert.Single(clock.GetDelayedCalls());

        clock.Advance(0);
        Assert.Equal(["second"], ran);
    }

    [Fact]
    public void TimeNeverGoesBackwards()
    {
        var clock = new Clock();
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(double.NaN));
        Assert.Equal(0, clock.Seconds());
    }

    [Fact]
    public void ACallLaterWithABadDelayIsRejected()
    {
        var clock = new Clock();
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CallLater(-1, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CallLater(double.PositiveInfinity, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CallLater(double.NaN, () => { }));
    }

    [Fact]
    public void CallLaterAcceptsATimeSpan()
    {
        var clock = new Clock();
        var call = clock.CallLater(TimeSpan.FromMilliseconds(1500), () => { });
        Assert.Equal(1.5, call.GetTime());
    }
}
