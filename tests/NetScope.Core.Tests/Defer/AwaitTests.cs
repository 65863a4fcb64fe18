using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><c>await</c> on a Deferred inside ordinary <c>async</c> methods.</summary>
public class AwaitTests
{
    [Fact]
    public async Task AwaitingAFiredDeferredGivesItsValueAndLeavesNullInTheChain()
    {
        var d = Deferred.Succeed(7);
        Assert.Equal(7, await d);
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public async Task AwaitingAnUntypedDeferredGivesTheObject()
    {
        var d = new Deferred();
        d.Callback("text");
        Assert.Equal("text", await d);
    }

    [Fact]
    public void AwaitingAnUnfiredDeferredResumesSynchronouslyWhenItFires()
    {
        var d = new Deferred<int>();
        var steps = new List<string>();
        var task = AwaitAndRecord(d, steps);
        steps.Add("started");
        Assert.False(task.IsCompleted);

        d.Callback(5);
        steps.Add("fired");

        Assert.Equal(["started", "resumed with 5", "fired"], steps);
        Assert.True(task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AwaitingAFailedDeferredThrowsItsExceptionAndHandlesTheFailure()
    {
        var error = new FormatException("bad");
        var d = Deferred.Fail(error);
        var thrown = await Assert.ThrowsAsync<FormatException>(async () => await d);
        Assert.Same(error, thrown);
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public async Task AwaitingADeferredThatFailsLaterThrowsItsException()
    {
        var d = new Deferred();
        var awaiting = Assert.ThrowsAsync<FormatException>(async () => await d);
        d.Errback(new FormatException("later"));
        Assert.Equal("later", (await awaiting).Message);
    }

    [Fact]
    public async Task AwaitGivesTheResultAtTheEndOfTheChain()
    {
        var inner = new Deferred();
        var d = new Deferred();
        _ = d.AddCallback(_ => inner).AddCallback(r => (int)r! * 2);
        d.Callback(null);
        var awaiting = AwaitObject(d);
        Assert.False(awaiting.IsCompleted);
        inner.Callback(21);
        Assert.Equal(42, await awaiting);
    }

    [Fact]
    public async Task AwaitingAFiredButPausedDeferredWaitsForUnpause()
    {
        var d = Deferred.Succeed(1);
        d.Pause();
        var awaiting = AwaitObject(d);
        Assert.False(awaiting.IsCompleted);
        d.Unpause();
        Assert.Equal(1, await awaiting);
    }

    [Fact]
    public async Task AwaitingACancelledDeferredThrowsCancelledException()
    {
        var d = new Deferred();
        var awaiting = AwaitObject(d);
        d.Cancel();
        await Assert.ThrowsAsync<CancelledException>(() => awaiting);
    }

    [Fact]
    public async Task AwaitingATypedDeferredWithAResultOfAnotherTypeThrowsInvalidCastException()
    {
        var d = new Deferred<int>();
        _ = d.AddCallback(_ => "not an int");
        d.Callback(1);
        await Assert.ThrowsAsync<InvalidCastException>(async () => await d);
    }

    [Fact]
    public async Task TheAwaiterReportsCompletionOnlyWhenTheResultCanBeTaken()
    {
        var unfired = new Deferred();
        Assert.False(unfired.GetAwaiter().IsCompleted);
        var fired = Deferred.Succeed(1);
        Assert.True(fired.GetAwaiter().IsCompleted);
        Assert.Equal(1, await fired);
    }

    private static async Task AwaitAndRecord(Deferred<int> d, List<string> steps)
    {
        var value = await d;
        steps.Add($"resumed with {value}");
    }

    private static async Task<object?> AwaitObject(Deferred d) => await d;
}
