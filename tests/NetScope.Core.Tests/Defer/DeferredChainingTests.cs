using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>A callback returning a Deferred: the outer chain waits for the inner one.</summary>
public class DeferredChainingTests
{
    [Fact]
    public void ReturningAnUnfiredDeferredPausesTheOuterChainUntilItFires()
    {
        var inner = new Deferred();
        var outer = new Deferred();
        var after = new List<object?>();
        outer.AddCallback(_ => inner);
        outer.AddCallback(r =>
        {
            after.Add(r);
            return r;
        });

        outer.Callback("outer");

        Assert.Empty(after);
        Assert.Equal(1, outer.PauseCount);
        Assert.Same(inner, outer.WaitingOn);
        Assert.Same(inner, outer.Result);

        inner.Callback("inner");

        Assert.Equal(new object?[] { "inner" }, after);
        Assert.Equal(0, outer.PauseCount);
        Assert.Null(outer.WaitingOn);
    }

    [Fact]
    public void WhenTheInnerDeferredFailsTheOuterChainContinuesOnItsErrbackPath()
    {
        var inner = new Deferred();
        var outer = new Deferred();
        outer.AddCallback(_ => inner);
        outer.Callback(null);
        var secondErrors = new List<Failure>();
        outer.AddErrback(f =>
        {
            secondErrors.Add(f);
            return null;
        });
        var innerAfter = new List<object?>();
        inner.AddCallback(r =>
        {
            innerAfter.Add(r);
            return r;
        });
        var outerAfter = new List<object?>();
        outer.AddCallback(r =>
        {
            outerAfter.Add(r);
            return r;
        });

        inner.Errback(new InvalidOperationException("First Deferred's Failure"));

        Assert.True(Assert.Single(secondErrors).Check<InvalidOperationException>());

        // The inner Deferred handed its failure on, so its own chain continues with null.
        Assert.Equal(new object?[] { null }, innerAfter);
        Assert.Equal(new object?[] { null }, outerAfter);
    }

    [Fact]
    public void ReturningAnAlreadyFiredDeferredTakesItsResultAndLeavesItNull()
    {
        var value = new object();
        var first = Deferred.Succeed(value);
        var second = new Deferred();
        second.AddCallback(_ => first);
        second.Callback(null);

        Assert.Null(SuccessResultOf(first));
        Assert.Same(value, SuccessResultOf(second));
    }

    [Fact]
    public void ReturningAnAlreadyFailedDeferredTakesItsFailureAndLeavesItNull()
    {
        var first = Deferred.Fail(new InvalidOperationException("First Deferred's Failure"));
        var second = new Deferred();
        second.AddCallback(_ => first);
        second.Callback(null);

        Assert.Null(SuccessResultOf(first));
        FailureResultOf<InvalidOperationException>(second);
    }

    [Fact]
    public void AnErrbackCanReturnADeferredToRecover()
    {
        var recovery = new Deferred();
        var d = new Deferred();
        d.AddErrback(_ => recovery);
        d.Errback(new InvalidOperationException());
        AssertNoResult(d);
        recovery.Callback("recovered");
        Assert.Equal("recovered", SuccessResultOf(d));
    }

    [Fact]
    public void ResultOfAnUnfiredInnerDeferredReachesTheOuterAndTheInnerContinuesWithNull()
    {
        var first = new Deferred();
        var second = new Deferred();
        second.AddCallback(_ => first);
        second.Callback(null);
        var firstResults = new List<object?>();
        first.AddCallback(r =>
        {
            firstResults.Add(r);
            return r;
        });
        var secondResults = new List<object?>();
        second.AddCallback(r =>
        {
            secondResults.Add(r);
            return r;
        });
        Assert.Empty(firstResults);
        Assert.Empty(secondResults);

        var result = new object();
        first.Callback(result);

        Assert.Equal(new object?[] { null }, firstResults);
        Assert.Equal(new[] { result }, secondResults);
    }

    [Fact]
    public void ChainingIsTransitive()
    {
        var first = new Deferred();
        var second = new Deferred();
        second.AddCallback(_ => first);
        var third = new Deferred();
        third.AddCallback(_ => second);
        var thirdResults = new List<object?>();
        third.AddCallback(r =>
        {
            thirdResults.Add(r);
            return r;
        });

        second.Callback(null);
        third.Callback(null);
        Assert.Empty(thirdResults);

        var result = new object();
        first.Callback(result);

        Assert.Equal(new[] { result }, thirdResults);
    }

    [Fact]
    public void TheInnerDeferredsOwnCallbacksRunBeforeTheOuterReceivesTheResult()
    {
        var results = new List<object?>();
        var failures = new List<Failure>();
        var inner = new Deferred();

        Deferred Callback(object? result)
        {
            results.Add($"start-of-cb {result}");
            var d = Deferred.Succeed("inner");
            d.AddCallback(_ =>
            {
                results.Add("firstCallback inner");
                return inner;
            });
            d.AddCallback(r =>
            {
                results.Add($"secondCallback {r}");
                return (string)r! + r;
            });
            d.AddErrback(f =>
            {
                failures.Add(f);
                return null;
            });
            return d;
        }

        var outer = Deferred.Succeed("outer");
        outer.AddCallback(Callback);
        outer.AddCallback(r =>
        {
            results.Add(r);
            return null;
        });
        Assert.Equal(new object?[] { "start-of-cb outer", "firstCallback inner" }, results);

        inner.Callback("orange");

        Assert.Empty(failures);
        Assert.Equal(
            new object?[] { "start-of-cb outer", "firstCallback inner", "secondCallback orange", "orangeorange" },
            results);
    }

    [Fact]
    public void CallbacksAddedToTheInnerDeferredBeforeItIsReturnedTransformItsResult()
    {
        var results = new List<object?>();
        var inner = new Deferred();
        var outer = Deferred.Succeed("outer");
        outer.AddCallback(_ =>
        {
            var d = Deferred.Succeed("inner");
            d.AddCallback(_ => inner.AddCallback(r => new List<object?> { r }));
            d.AddCallback(r =>
            {
                results.Add(("secondCallback", string.Join(",", (List<object?>)r!)));
                return r;
            });
            return d;
        });
        outer.AddCallback(r =>
        {
            results.Add(((List<object?>)r!).Count);
            return null;
        });

        inner.Callback("withers");

        Assert.Equal(new object?[] { ("secondCallback", "withers"), 1 }, results);
    }

    [Fact]
    public void AWaitingLinkNeedNotBeTheFirstPendingLinkOfTheDeferredWaitedOn()
    {
        var results = new List<object?>();
        var a = new Deferred();
        var outer = Deferred.Succeed("outer");
        outer.AddCallback(r =>
        {
            results.Add($"cb {r}");
            var d = new Deferred();
            d.AddCallback(r2 =>
            {
                results.Add($"firstCallback {r2 ?? "null"}");
                return Deferred.GatherResults([a]);
            });
            d.AddCallback(r3 =>
            {
                results.Add($"secondCallback {((object?[])r3!)[0]}");
                return null;
            });
            d.Callback(null);
            return d;
        });
        outer.AddCallback(_ =>
        {
            results.Add("final");
            return null;
        });

        Assert.Equal(new object?[] { "cb outer", "firstCallback null" }, results);
        a.Callback("withers");
        Assert.Equal(
            new object?[] { "cb outer", "firstCallback null", "secondCallback withers", "final" },
            results);
    }

    [Fact]
    public void AFiredButPausedDeferredIsWaitedOnUntilUnpaused()
    {
        var expected = new object();
        var paused = Deferred.Succeed(expected);
        paused.Pause();
        var chained = new Deferred();
        chained.AddCallback(_ => paused);
        chained.Callback(null);
        var result = new List<object?>();
        chained.AddCallback(r =>
        {
            result.Add(r);
            return null;
        });
        Assert.Empty(result);

        paused.Unpause();

        Assert.Equal(new[] { expected }, result);
    }

    [Fact]
    public void APausedOuterDeferredDoesNotStopTheInnerOneRunningItsLaterCallbacks()
    {
        var first = new Deferred();
        var second = new Deferred();
        first.AddCallback(_ => second);
        first.Callback(null);
        first.Pause();
        second.Callback(null);
        var result = new List<object?>();
        second.AddCallback(r =>
        {
            result.Add(r);
            return null;
        });
        Assert.Equal(new object?[] { null }, result);
    }

    [Fact]
    public void AnInnerDeferredThatIsPausedWhenItFiresHoldsTheOuterChainUntilUnpaused()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        d2.Pause();
        var seen = new List<object?>();
        d1.AddCallback(_ => d2);
        d1.AddCallback(r =>
        {
            seen.Add(r);
            return null;
        });

        d1.Callback(1);
        Assert.Empty(seen);
        d2.Callback(2);
        Assert.Empty(seen);
        d2.Unpause();

        Assert.Equal(new object?[] { 2 }, seen);
    }

    [Fact]
    public void CallbacksOnTheMiddleOfThreeChainedDeferredsRunOnceTheLastFires()
    {
        var first = new Deferred();
        var second = new Deferred();
        var third = new Deferred();
        first.AddCallback(_ => second);
        second.AddCallback(_ => third);
        second.Callback(null);
        first.Callback(null);
        third.Callback(null);
        var results = new List<object?>();
        second.AddCallback(r =>
        {
            results.Add(r);
            return null;
        });
        Assert.Equal(new object?[] { null }, results);
    }

    [Fact]
    public void ChainDeferredFiresTheOtherDeferredWithThisChainsResult()
    {
        var a = new Deferred();
        var b = new Deferred();
        b.AddCallback(r => (int)r! + 1);
        b.ChainDeferred(a);
        Assert.Same(b, a.WaitingOn);
        Assert.Equal($"<Deferred #{a.Id} waiting on Deferred #{b.Id}>", a.ToString());

        b.Callback(1);

        Assert.Equal(2, SuccessResultOf(a));
        Assert.Null(a.WaitingOn);
        Assert.Null(SuccessResultOf(b));
    }

    [Fact]
    public void ChainDeferredPassesFailuresAndLeavesNullBehind()
    {
        var a = new Deferred();
        var b = new Deferred();
        b.ChainDeferred(a);
        b.Errback(new InvalidOperationException());
        FailureResultOf<InvalidOperationException>(a);
        Assert.Null(SuccessResultOf(b));
    }

    [Fact]
    public void ChainDeferredDoesNotMakeTheOtherDeferredFireThisOne()
    {
        var a = new Deferred();
        var b = new Deferred();
        b.ChainDeferred(a);
        a.Callback("a alone");
        AssertNoResult(b);

        // Firing b later makes its link fire a a second time: that error lands in b's chain.
        b.Callback("b");
        FailureResultOf<AlreadyCalledException>(b);
        Assert.Equal("a alone", SuccessResultOf(a));
    }

    [Fact]
    public void ImplicitChainingIsRecordedAsWaitingOn()
    {
        var a = new Deferred();
        var b = new Deferred();
        a.AddCallback(_ => b);
        a.Callback(null);
        Assert.Same(b, a.WaitingOn);
        Assert.Equal($"<Deferred #{a.Id} waiting on Deferred #{b.Id}>", a.ToString());
    }

    [Fact]
    public void ACallbackReturningTheDeferredItIsAttachedToFailsTheChain()
    {
        // Twisted warns and then waits forever; we fail the chain instead (see the report).
        var d = new Deferred();
        d.AddCallback(_ => d);
        d.Callback("foo");
        var failure = FailureResultOf<InvalidOperationException>(d);
        Assert.Contains("returned the Deferred it was attached to", failure.Value.Message, StringComparison.Ordinal);
    }
}
