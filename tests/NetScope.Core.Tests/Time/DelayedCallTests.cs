using NetScope.Core.Time;
using NetScope.Testing;

namespace NetScope.Core.Tests.Time;

/// <summary><see cref="DelayedCall"/>: cancel, delay, reset, and what is allowed when.</summary>
public class DelayedCallTests
{
    private static void Noop()
    {
    }

    [Fact]
    public void ACancelledCallCannotBeCancelledDelayedOrReset()
    {
        var clock = new Clock();
        var call = clock.CallLater(1, Noop);
        call.Cancel();
        Assert.Throws<DelayedCallAlreadyCancelledException>(call.Cancel);
        Assert.Throws<DelayedCallAlreadyCancelledException>(() => call.Delay(1));
        Assert.Throws<DelayedCallAlreadyCancelledException>(() => call.Reset(1));
    }

    [Fact]
    public void ACallThatRanCannotBeCancelledDelayedOrReset()
    {
        var clock = new Clock();
        var call = clock.CallLater(1, Noop);
        clock.Advance(1);
        Assert.Throws<DelayedCallAlreadyCalledException>(call.Cancel);
        Assert.Throws<DelayedCallAlreadyCalledException>(() => call.Delay(1));
        Assert.Throws<DelayedCallAlreadyCalledException>(() => call.Reset(1));
    }

    [Fact]
    public void ANegativeDelayMovesTheCallEarlier()
    {
        var clock = new Clock();
        var ran = false;
        var call = clock.CallLater(5, () => ran = true);
        call.Delay(-3);
        Assert.Equal(2, call.GetTime());
        clock.Advance(2);
        Assert.True(ran);
    }

    [Fact]
    public void DelayingOrResettingMovesTheCallInTheQueue()
    {
        var clock = new Clock();
        var order = new List<string>();
        var a = clock.CallLater(1, () => order.Add("a"));
        var b = clock.CallLater(2, () => order.Add("b"));
        var c = clock.CallLater(3, () => order.Add("c"));
        a.Delay(3);
        c.Reset(0.5);
        Assert.Equal([c, b, a], clock.GetDelayedCalls());
        clock.Advance(10);
        Assert.Equal(["c", "b", "a"], order);
    }

    [Fact]
    public void AMovedCallCountsAsScheduledWhenMovedForTiesAtTheSameTime()
    {
        // Twisted's Clock keeps a moved call's old place among equal times; we order ties by the
        // moment a call was (re)scheduled, which is what "scheduling order" means for a reactor.
        var clock = new Clock();
        var order = new List<string>();
        var a = clock.CallLater(1, () => order.Add("a"));
        clock.CallLater(2, () => order.Add("b"));
        a.Reset(2);
        clock.Advance(2);
        Assert.Equal(["b", "a"], order);
    }

    [Fact]
    public void ToStringNamesTheCallableAndItsState()
    {
        var clock = new Clock();
        var call = (DelayedCall)clock.CallLater(1.25, Noop);
        Assert.Equal("DelayedCallTests.Noop", call.Describe());
        Assert.Equal("<DelayedCall DelayedCallTests.Noop due at 1.250>", call.ToString());
        call.Cancel();
        Assert.Equal("<DelayedCall DelayedCallTests.Noop cancelled>", call.ToString());

        var ran = (DelayedCall)clock.CallLater(0, Noop);
        clock.Advance(0);
        Assert.Equal("<DelayedCall DelayedCallTests.Noop called>", ran.ToString());
    }
}
