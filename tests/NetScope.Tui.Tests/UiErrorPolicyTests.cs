using NetScope.Tui.App;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class UiErrorPolicyTests
{
    [Fact]
    public void ALoneFailureIsLoggedAndTheLoopGoesOn()
    {
        var time = new ManualTime();
        var log = new LogModel(time);
        var policy = new UiErrorPolicy(time, log, maxFailures: 3, window: TimeSpan.FromSeconds(5));

        Assert.True(policy.Handle(new InvalidOperationException("boom")));
        Assert.Equal(new LogLine(time.GetUtcNow(), LogSeverity.Error, "the display failed and carries on: InvalidOperationException: boom"), log.Latest);
        Assert.Null(policy.Fatal);
    }

    [Fact]
    public void FailuresThatKeepComingEndTheLoop()
    {
        var time = new ManualTime();
        var policy = new UiErrorPolicy(time, new LogModel(time), maxFailures: 3, window: TimeSpan.FromSeconds(5));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(policy.Handle(new InvalidOperationException($"spread {i}")));
            time.Advance(TimeSpan.FromSeconds(3));
        }

        var last = new InvalidOperationException("burst");
        Assert.True(policy.Handle(new InvalidOperationException("burst 1")));
        Assert.True(policy.Handle(new InvalidOperationException("burst 2")));
        Assert.False(policy.Handle(last));
        Assert.Same(last, policy.Fatal);
    }
}
