using NetScope.Core.Defer;
using NetScope.Core.Time;
using NetScope.Testing;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Time;

/// <summary><see cref="ReactorTimeExtensions.DeferLater"/> (Twisted's <c>task.deferLater</c>).</summary>
public class DeferLaterTests
{
    [Fact]
    public void FiresAfterTheDelayWithTheFunctionsResult()
    {
        var clock = new Clock();
        var calls = 0;
        var flag = new object();
        var d = clock.DeferLater(3, () =>
        {
            calls++;
            return flag;
        });

        clock.Advance(2);
        Assert.Equal(0, calls);
        AssertNoResult(d);
        clock.Advance(1);

        Assert.Equal(1, calls);
        Assert.Same(flag, SuccessResultOf(d));
    }

    [Fact]
    public void FailsWithWhatTheFunctionThrows()
    {
        var clock = new Clock();
        var d = clock.DeferLater(1, () => throw new FormatException("late"));
        clock.Advance(1);
        Assert.Equal("late", FailureResultOf<FormatException>(d).Value.Message);
    }

    [Fact]
    public void CancellingStopsTheCallAndFailsWithCancelledException()
    {
        var clock = new Clock();
        var called = false;
        var d = clock.DeferLater(1, () => called = true);

        d.Cancel();

        FailureResultOf<CancelledException>(d);
        Assert.Empty(clock.GetDelayedCalls());
        clock.Advance(2);
        Assert.False(called);
    }

    [Fact]
    public void WithoutAFunctionFiresWithNull()
    {
        var clock = new Clock();
        var d = clock.DeferLater(2.0);
        AssertNoResult(d);
        clock.Advance(2.0);
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public void AFunctionReturningADeferredIsWaitedFor()
    {
        var clock = new Clock();
        var inner = new Deferred();
        var d = clock.DeferLater(1, () => inner);
        clock.Advance(1);
        AssertNoResult(d);
        inner.Callback("inner");
        Assert.Equal("inner", SuccessResultOf(d));
    }

    [Fact]
    public void CancellingAfterItFiredDoesNothing()
    {
        var clock = new Clock();
        var d = clock.DeferLater(1, () => "done");
        clock.Advance(1);
        d.Cancel();
        Assert.Equal("done", SuccessResultOf(d));
    }
}
