using System.Diagnostics;
using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>
/// Long chains of Deferreds returned from callbacks run iteratively: their length is bounded by
/// memory, not by the stack. Depths here are well past what a recursive implementation survives.
/// </summary>
public class DeferredDeepChainTests
{
    private const int Depth = 50_000;

    [Fact]
    public void AChainOfAlreadyFiredDeferredsResolves()
    {
        // Each Deferred's callback returns the previous one, which has already fired.
        var first = new Deferred();
        var current = first;
        for (var i = 0; i < Depth; i++)
        {
            var inner = current;
            var next = new Deferred();
            next.AddCallback(_ => inner);
            next.Callback(null);
            current = next;
        }

        first.Callback(42);

        Assert.Equal(42, SuccessResultOf(current));
    }

    [Fact]
    public void AChainWhoseDeferredsFireInReverseOrderResolves()
    {
        // outer waits on d[0], which waits on d[1], ... each fired from the outermost inwards.
        var deferreds = new Deferred[Depth];
        for (var i = 0; i < Depth; i++)
        {
            deferreds[i] = new Deferred();
        }

        for (var i = 0; i < Depth - 1; i++)
        {
            var next = deferreds[i + 1];
            deferreds[i].AddCallback(_ => next);
        }

        var outer = new Deferred();
        outer.AddCallback(_ => deferreds[0]);
        outer.AddCallback(r => (int)r! + 1);
        outer.Callback(null);
        for (var i = 0; i < Depth - 1; i++)
        {
            deferreds[i].Callback(null);
        }

        AssertNoResult(outer);
        deferreds[Depth - 1].Callback(41);

        Assert.Equal(42, SuccessResultOf(outer));
    }

    [Fact]
    public void AChainWhoseInnermostDeferredFiresLastResolvesAFailureToo()
    {
        var deferreds = new Deferred[Depth];
        for (var i = 0; i < Depth; i++)
        {
            deferreds[i] = new Deferred();
        }

        for (var i = Depth - 2; i >= 0; i--)
        {
            var next = deferreds[i + 1];
            deferreds[i].AddCallback(_ => next);
        }

        // Fire all but the innermost from the inside out: each starts waiting on the next.
        for (var i = Depth - 2; i >= 0; i--)
        {
            deferreds[i].Callback(null);
        }

        deferreds[Depth - 1].Errback(new InvalidOperationException("innermost"));

        Assert.Equal("innermost", FailureResultOf<InvalidOperationException>(deferreds[0]).Value.Message);
        for (var i = 1; i < Depth; i++)
        {
            Assert.Null(deferreds[i].Result);
        }
    }

    [Fact]
    public void EveryLevelOfADeepChainRunsItsOwnCallbacksAfterTheWait()
    {
        // Level i waits on level i + 1, then adds one: the outermost sees the depth.
        var deferreds = new Deferred[Depth];
        for (var i = 0; i < Depth; i++)
        {
            deferreds[i] = new Deferred();
        }

        for (var i = 0; i < Depth - 1; i++)
        {
            var next = deferreds[i + 1];
            deferreds[i].AddCallback(_ => next);
            deferreds[i].AddCallback(r => (int)r! + 1);
        }

        for (var i = 0; i < Depth - 1; i++)
        {
            deferreds[i].Callback(null);
        }

        deferreds[Depth - 1].Callback(0);

        Assert.Equal(Depth - 1, SuccessResultOf(deferreds[0]));
    }

    [Fact]
    public void CallbacksRunAtTheSameStackDepthHoweverManyDeferredsAreChained()
    {
        Assert.Equal(StackDepthOfFinalCallback(1), StackDepthOfFinalCallback(2));
        Assert.Equal(StackDepthOfFinalCallback(1), StackDepthOfFinalCallback(1000));
    }

    private static int StackDepthOfFinalCallback(int howMany)
    {
        var depths = new List<int>();
        var top = new Deferred();
        var inners = Enumerable.Range(0, howMany).Select(_ => new Deferred()).ToList();
        var originals = inners.ToList();
        var last = new Deferred();
        var inner = inners[^1];
        inners.RemoveAt(inners.Count - 1);
        var firstInner = inner;
        top.AddCallback(_ => firstInner);
        top.AddCallback(_ =>
        {
            depths.Add(new StackTrace().FrameCount);
            return null;
        });
        while (inners.Count > 0)
        {
            var newInner = inners[^1];
            inners.RemoveAt(inners.Count - 1);
            inner.AddCallback(_ => newInner);
            inner = newInner;
        }

        inner.AddCallback(_ => last);
        top.Callback(null);
        foreach (var d in originals)
        {
            d.Callback(null);
        }

        Assert.Empty(depths);
        last.Callback(null);
        return Assert.Single(depths);
    }
}
