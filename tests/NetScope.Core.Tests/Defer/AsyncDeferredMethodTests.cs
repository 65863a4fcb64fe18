using NetScope.Core.Defer;
using NetScope.Testing;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>
/// <c>async Deferred</c> and <c>async Deferred&lt;T&gt;</c> methods: Twisted's
/// <c>inlineCallbacks</c>, including its cancellation behaviour.
/// </summary>
public class AsyncDeferredMethodTests
{
    private readonly Queue<Deferred> _outstanding = new();

    [Fact]
    public void AMethodThatNeverSuspendsReturnsAFiredDeferred()
    {
        var d = AddAsync(Deferred.Succeed(1), Deferred.Succeed(2));
        Assert.True(d.Called);
        Assert.Equal(3, SuccessResultOf(d));
    }

    [Fact]
    public void TheReturnedDeferredFiresWhenTheMethodFinishes()
    {
        var a = new Deferred<int>();
        var b = new Deferred<int>();
        var d = AddAsync(a, b);
        AssertNoResult(d);
        a.Callback(40);
        AssertNoResult(d);
        b.Callback(2);
        Assert.Equal(42, SuccessResultOf(d));
    }

    [Fact]
    public void AnUntypedMethodFiresWithNull()
    {
        var gate = new Deferred();
        var ran = false;
        var d = RunAsync(gate, () => ran = true);
        Assert.False(d.Called);
        gate.Callback(null);
        Assert.True(ran);
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public void AnExceptionBeforeTheFirstAwaitFailsTheReturnedDeferred()
    {
        var d = ThrowAsync(new Deferred(), throwBeforeAwait: true);
        Assert.Equal("before", FailureResultOf<InvalidOperationException>(d).Value.Message);
    }

    [Fact]
    public void AnExceptionAfterAnAwaitFailsTheReturnedDeferred()
    {
        var gate = new Deferred();
        var d = ThrowAsync(gate, throwBeforeAwait: false);
        gate.Callback(null);
        Assert.Equal("after", FailureResultOf<InvalidOperationException>(d).Value.Message);
    }

    [Fact]
    public void AFailureOfAnAwaitedDeferredCanBeCaught()
    {
        var sync = CatchAsync(Deferred.Fail(new FormatException("Handled Terminal Failure")));
        Assert.Equal("caught Handled Terminal Failure", SuccessResultOf(sync));

        var later = new Deferred();
        var async = CatchAsync(later);
        later.Errback(new FormatException("async"));
        Assert.Equal("caught async", SuccessResultOf(async));
    }

    [Fact]
    public void AnUncaughtFailureOfAnAwaitedDeferredFailsTheMethod()
    {
        var later = new Deferred();
        var d = AddAsync(Deferred.Succeed(1), (Deferred<int>)Typed(later));
        later.Errback(new DivideByZeroException());
        FailureResultOf<DivideByZeroException>(d);
    }

    [Fact]
    public void AFailureRethrownThroughAnAwaitKeepsItsOriginalStackTrace()
    {
        var d = RunAsync(Deferred.Fail(FailureTests.CaptureDivision()), () => { });
        var error = FailureResultOf<DivideByZeroException>(d).Value;
        Assert.Contains("FailureTests.Divide", error.StackTrace, StringComparison.Ordinal);
        Assert.Contains(nameof(RunAsync), error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyAwaitsOfFiredDeferredsDoNotGrowTheStack()
    {
        var d = CountAsync(100_000);
        Assert.Equal(100_000, SuccessResultOf(d));
    }

    [Fact]
    public void ManyAwaitsOfDeferredsFiredLaterWork()
    {
        var clock = new Clock();
        var d = TickAsync(clock, 1000);
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(1);
        }

        Assert.Equal(1000, SuccessResultOf(d));
    }

    [Fact]
    public void CancellingTheReturnedDeferredCancelsTheAwaitedOne()
    {
        Failure? childSaw = null;
        var d = SampleAsync(() =>
        {
            var child = new Deferred();
            child.AddErrback(f =>
            {
                childSaw = f;
                return f;
            });
            return child;
        });
        d.AddErrback(_ => null);

        d.Cancel();

        Assert.NotNull(childSaw);
        Assert.True(childSaw.Check<CancelledException>());
    }

    [Fact]
    public void AnUncaughtCancelledExceptionReachesTheReturnedDeferred()
    {
        var d = SampleAsync(GetDeferred);
        d.Cancel();
        FailureResultOf<CancelledException>(d);
    }

    [Fact]
    public void TheMethodCanTranslateTheErrorOfACancelledAwait()
    {
        var awaited = new Deferred(x => x.Errback(new UntranslatedException()));
        var d = SampleAsync(() => awaited);
        d.Cancel();
        FailureResultOf<TranslatedException>(d);
    }

    [Fact]
    public void TheMethodCanCatchTheCancellationAndStillReturnAValue()
    {
        var awaited = new Deferred(x => x.Errback(new DontFailException(4321)));
        var d = SampleAsync(() => awaited);
        var results = new List<object?>();
        d.AddCallback(r =>
        {
            results.Add(r);
            return r;
        });

        d.Cancel();

        Assert.Equal(new object?[] { 4320 }, results);
    }

    [Fact]
    public void TheMethodCanCatchCancelledExceptionItselfAndReturnAValue()
    {
        var awaited = new Deferred();
        var d = ReturnOnCancelAsync(awaited, 42);
        var results = new List<object?>();
        d.AddBoth(r =>
        {
            results.Add(r);
            return r;
        });

        d.Cancel();

        Assert.Equal(new object?[] { 42 }, results);
        Assert.Null(d.WaitingOn);
    }

    [Fact]
    public void AfterCancellationTheReturnedDeferredWaitsUntilTheMethodFinishes()
    {
        var more = new Deferred();
        var d = SampleAsync(() =>
        {
            var child = new Deferred();
            child.AddErrback(f =>
            {
                f.Trap(typeof(CancelledException));
                return more;
            });
            return child;
        });

        d.Cancel();

        AssertNoResult(d);
        more.Callback(6543);
        Assert.Equal(6544, SuccessResultOf(d));
    }

    [Fact]
    public void CancellingAgainReachesWhatTheMethodAwaitsNext()
    {
        var first = new Deferred();
        var second = new Deferred();
        var d = CancelTwiceAsync(first, second);

        d.Cancel();
        AssertNoResult(d);
        Assert.True(first.Called);
        Assert.False(second.Called);

        d.Cancel();

        Assert.True(second.Called);
        Assert.Equal("both cancelled", SuccessResultOf(d));
    }

    [Fact]
    public void CancellingAfterTheMethodFinishedDoesNothing()
    {
        var gate = new Deferred<int>();
        var d = AddAsync(Deferred.Succeed(1), gate);
        gate.Callback(1);
        d.Cancel();
        Assert.Equal(2, SuccessResultOf(d));
    }

    [Fact]
    public async Task CancellingWhileTheMethodAwaitsATaskFailsAtOnceAndDropsItsLaterResult()
    {
        var completion = new TaskCompletionSource<int>();
        var d = AwaitTaskAsync(completion.Task);

        d.Cancel();
        FailureResultOf<CancelledException>(d);

        completion.SetResult(5);
        await completion.Task;
    }

    [Fact]
    public void AsyncLocalValuesFlowAcrossAwaitsAsTheyDoInAsyncMethods()
    {
        var clock = new Clock();
        var value = new AsyncLocal<int> { Value = 1 };
        var mutating = new Deferred();
        mutating.AddCallback(_ =>
        {
            value.Value = 3;
            return null;
        });
        var mutatingThatFails = new Deferred();
        mutatingThatFails.AddCallback(_ =>
        {
            value.Value = 4;
            return null;
        });
        mutatingThatFails.AddCallback(_ => throw new DivideByZeroException());
        var seen = new List<int>();

        async Deferred Inner()
        {
            var d = new Deferred();
            clock.CallLater(1, () => d.Callback(true));
            await d;
            value.Value = 3;
        }

        async Deferred<bool> Outer()
        {
            seen.Add(value.Value);
            await Deferred.Succeed(1);
            seen.Add(value.Value);
            clock.CallLater(1, () => mutating.Callback(true));
            await mutating;
            seen.Add(value.Value);
            clock.CallLater(1, () => mutatingThatFails.Callback(true));
            try
            {
                await mutatingThatFails;
            }
            catch (DivideByZeroException)
            {
                seen.Add(value.Value);
            }

            await Inner();
            seen.Add(value.Value);
            return true;
        }

        value.Value = 2;
        var result = Outer();
        value.Value = 5;
        clock.Advance(1);
        clock.Advance(1);
        clock.Advance(1);

        Assert.Equal(true, SuccessResultOf(result));
        Assert.Equal([2, 2, 2, 2, 2], seen);
    }

    private static Deferred Typed(Deferred d)
    {
        var typed = new Deferred<int>();
        d.ChainDeferred(typed);
        return typed;
    }

    private Deferred GetDeferred()
    {
        var d = new Deferred();
        _outstanding.Enqueue(d);
        return d;
    }

    private static async Deferred<int> AddAsync(Deferred<int> a, Deferred<int> b) => await a + await b;

    private static async Deferred RunAsync(Deferred gate, Action action)
    {
        await gate;
        action();
    }

    private static async Deferred ThrowAsync(Deferred gate, bool throwBeforeAwait)
    {
        if (throwBeforeAwait)
        {
            throw new InvalidOperationException("before");
        }

        await gate;
        throw new InvalidOperationException("after");
    }

    private static async Deferred<string> CatchAsync(Deferred d)
    {
        try
        {
            await d;
            return "not caught";
        }
        catch (FormatException e)
        {
            return "caught " + e.Message;
        }
    }

    private static async Deferred<int> CountAsync(int howMany)
    {
        var total = 0;
        for (var i = 0; i < howMany; i++)
        {
            total += await Deferred.Succeed(1);
        }

        return total;
    }

    private static async Deferred<int> TickAsync(Clock clock, int howMany)
    {
        var total = 0;
        for (var i = 0; i < howMany; i++)
        {
            var tick = new Deferred<int>();
            clock.CallLater(1, () => tick.Callback(1));
            total += await tick;
        }

        return total;
    }

    /// <summary>Twisted's <c>sampleInlineCB</c>: awaits one Deferred, translating some errors.</summary>
    private static async Deferred<int> SampleAsync(Func<Deferred> getChild)
    {
        int x;
        try
        {
            x = (int)(await getChild())!;
        }
        catch (UntranslatedException)
        {
            throw new TranslatedException();
        }
        catch (DontFailException e)
        {
            x = e.ActualValue - 2;
        }

        return x + 1;
    }

    private static async Deferred<int> ReturnOnCancelAsync(Deferred awaited, int onCancel)
    {
        try
        {
            await awaited;
            return 0;
        }
        catch (CancelledException)
        {
            return onCancel;
        }
    }

    private static async Deferred<string> CancelTwiceAsync(Deferred first, Deferred second)
    {
        try
        {
            await first;
        }
        catch (CancelledException)
        {
        }

        try
        {
            await second;
        }
        catch (CancelledException)
        {
            return "both cancelled";
        }

        return "second not cancelled";
    }

    private static async Deferred<int> AwaitTaskAsync(Task<int> task) => await task;

    private sealed class UntranslatedException : Exception;

    private sealed class TranslatedException : Exception;

    private sealed class DontFailException(int actualValue) : Exception
    {
        public int ActualValue { get; } = actualValue;
    }
}
