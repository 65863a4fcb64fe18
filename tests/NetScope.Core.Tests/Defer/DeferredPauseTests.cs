using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Deferred.Pause"/> and <see cref="Deferred.Unpause"/>.</summary>
public class DeferredPauseTests
{
    [Fact]
    public void APausedDeferredRunsNothingUntilUnpaused()
    {
        var d = new Deferred();
        var ran = new List<object?>();
        d.AddCallback(r =>
        {
            ran.Add(r);
            return r;
        });
        d.Pause();

        d.Callback("value");
        Assert.Empty(ran);
        Assert.Equal(1, d.PendingLinkCount);

        d.Unpause();

        Assert.Equal(new object?[] { "value" }, ran);
    }

    [Fact]
    public void PausesNestAndOnlyTheLastUnpauseRunsTheChain()
    {
        var d = new Deferred();
        var ran = 0;
        d.Pause();
        d.Pause();
        d.Callback(null);
        d.AddCallback(_ =>
        {
            ran++;
            return null;
        });
        Assert.Equal(2, d.PauseCount);

        d.Unpause();
        Assert.Equal(0, ran);
        Assert.Equal(1, d.PauseCount);

        d.Unpause();
        Assert.Equal(1, ran);
        Assert.Equal(0, d.PauseCount);
    }

    [Fact]
    public void ErrbacksAddedToAPausedFailedDeferredWaitForUnpause()
    {
        var d = Deferred.Fail(new InvalidOperationException("fail"));
        d.Pause();
        var errors = new List<Failure>();
        d.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });
        Assert.Empty(errors);

        d.Unpause();

        Assert.Equal("fail", Assert.Single(errors).Value.Message);
    }

    [Fact]
    public void UnpausingBeforeFiringRunsNothing()
    {
        var d = new Deferred();
        var ran = false;
        d.Pause();
        d.AddCallback(_ =>
        {
            ran = true;
            return null;
        });
        d.Unpause();
        Assert.False(ran);
        d.Callback(null);
        Assert.True(ran);
    }

    [Fact]
    public void PausingFromInsideACallbackDoesNotStopTheLinksAlreadyQueued()
    {
        // Twisted checks the pause count only between Deferreds, not between links: the running
        // chain finishes its queued links; links added afterwards wait for the unpause.
        var d = new Deferred();
        var ran = new List<int>();
        d.AddCallback(_ =>
        {
            ran.Add(1);
            d.Pause();
            return null;
        });
        d.AddCallback(_ =>
        {
            ran.Add(2);
            return null;
        });

        d.Callback(null);
        Assert.Equal([1, 2], ran);

        d.AddCallback(_ =>
        {
            ran.Add(3);
            return null;
        });
        Assert.Equal([1, 2], ran);
        d.Unpause();
        Assert.Equal([1, 2, 3], ran);
    }

    [Fact]
    public void AWaitOnAnotherDeferredCountsAsAPause()
    {
        var inner = new Deferred();
        var outer = new Deferred();
        outer.AddCallback(_ => inner);
        outer.Callback(null);
        outer.Pause();
        Assert.Equal(2, outer.PauseCount);

        inner.Callback("inner");
        Assert.Equal(1, outer.PauseCount);
        AssertNoResultYet(outer);

        outer.Unpause();
        Assert.Equal("inner", SuccessResultOf(outer));
    }

    [Fact]
    public void AnUnpauseWithoutAMatchingPauseThrowsAndLeavesTheChainRunning()
    {
        // Deliberately not Twisted (which counts down to -1 and never runs the chain again).
        var d = new Deferred();
        d.Pause();
        d.Unpause();

        var error = Assert.Throws<InvalidOperationException>(d.Unpause);

        Assert.Equal("Unpause without a matching Pause: the Deferred is not paused.", error.Message);
        Assert.Equal(0, d.PauseCount);
        d.Callback(1);
        Assert.Equal(2, SuccessResultOf(d.AddCallback(r => (int)r! + 1)));
    }

    private static void AssertNoResultYet(Deferred paused)
    {
        var ran = false;
        paused.AddBoth(r =>
        {
            ran = true;
            return r;
        });
        Assert.False(ran);
    }
}
