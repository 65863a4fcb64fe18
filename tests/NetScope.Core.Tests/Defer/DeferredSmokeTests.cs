using NetScope.Core.Defer;
using NetScope.Testing;

namespace NetScope.Core.Tests.Defer;

public class DeferredSmokeTests
{
    [Fact]
    public void CallbacksTransformTheResultInOrder()
    {
        var d = new Deferred();
        var seen = new List<object?>();
        d.AddCallback(r => (int)r! + 1).AddCallback(r => (int)r! * 10).AddBoth(r =>
        {
            seen.Add(r);
            return r;
        });
        d.Callback(1);
        Assert.Equal(new object?[] { 20 }, seen);
        Assert.Equal(20, d.Result);
    }

    [Fact]
    public void TenThousandChainedDeferredsDoNotOverflowTheStack()
    {
        var first = new Deferred();
        var current = first;
        for (var i = 0; i < 100_000; i++)
        {
            var inner = current;
            var next = new Deferred();
            next.AddCallback(_ => inner);
            next.Callback(null);
            current = next;
        }

        first.Callback(42);
        Assert.Equal(42, current.Result);
    }

    [Fact]
    public async Task AsyncDeferredMethodAwaitsDeferreds()
    {
        var clock = new Clock();
        var d = Compute(clock);
        Assert.False(d.Called);
        clock.Advance(1);
        Assert.True(d.Called);
        Assert.Equal(7, await d);
    }

    private static async Deferred<int> Compute(Clock clock)
    {
        await NetScope.Core.Time.ReactorTimeExtensions.DeferLater(clock, 1, () => 3);
        var x = await Deferred.Succeed(4);
        return x + 3;
    }
}
