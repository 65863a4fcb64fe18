using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>Bridges between Deferreds and Tasks, in both directions, with cancellation.</summary>
public class TaskInteropTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    [Fact]
    public void FromTaskOfACompletedTaskIsAlreadyFired()
    {
        Assert.Equal(3, SuccessResultOf(Deferred.FromTask(Task.FromResult(3))));
        Assert.Null(SuccessResultOf(Deferred.FromTask(Task.CompletedTask)));
    }

    [Fact]
    public void FromTaskFiresWhenThePendingTaskCompletes()
    {
        var completion = new TaskCompletionSource<int>();
        var d = Deferred.FromTask(completion.Task);
        AssertNoResult(d);

        completion.SetResult(7);

        Assert.Equal(7, SuccessResultOf(d));
    }

    [Fact]
    public void FromTaskWithPostFiresOnlyThroughThePostedAction()
    {
        var posted = new Queue<Action>();
        var completion = new TaskCompletionSource<string>();
        var d = Deferred.FromTask(completion.Task, posted.Enqueue);

        completion.SetResult("done");
        AssertNoResult(d);
        Assert.Single(posted);
        posted.Dequeue()();

        Assert.Equal("done", SuccessResultOf(d));
    }

    [Fact]
    public void FromTaskOfAFaultedTaskFailsWithItsException()
    {
        var error = new FormatException("bad");
        var d = Deferred.FromTask(Task.FromException<int>(error));
        Assert.Same(error, FailureResultOf<FormatException>(d).Value);
    }

    [Fact]
    public void FromTaskOfATaskWithSeveralExceptionsFailsWithTheAggregate()
    {
        var completion = new TaskCompletionSource();
        completion.SetException([new FormatException(), new ArgumentException()]);
        var d = Deferred.FromTask(completion.Task);
        var aggregate = (AggregateException)FailureResultOf<AggregateException>(d).Value;
        Assert.Equal(2, aggregate.InnerExceptions.Count);
    }

    [Fact]
    public void FromTaskOfACanceledTaskFailsWithCancelledException()
    {
        var d = Deferred.FromTask(Task.FromCanceled(new CancellationToken(canceled: true)));
        FailureResultOf<CancelledException>(d);
    }

    [Fact]
    public void FromAsyncPassesATokenAndFiresWithTheResult()
    {
        CancellationToken given = default;
        var completion = new TaskCompletionSource<int>();
        var d = Deferred.FromAsync(token =>
        {
            given = token;
            return completion.Task;
        });
        Assert.True(given.CanBeCanceled);
        Assert.False(given.IsCancellationRequested);

        completion.SetResult(11);

        Assert.Equal(11, SuccessResultOf(d));
    }

    [Fact]
    public void CancellingAFromAsyncDeferredSignalsTheTokenAndFailsWhenTheTaskHonoursIt()
    {
        var d = Deferred.FromAsync(token =>
        {
            var completion = new TaskCompletionSource<int>();
            token.Register(() => completion.TrySetCanceled(token));
            return completion.Task;
        });

        d.Cancel();

        FailureResultOf<CancelledException>(d);
    }

    [Fact]
    public void AFromAsyncDeferredCancelledWhileItsTaskRunsOnWaitsForTheTasksOwnOutcome()
    {
        CancellationToken given = default;
        var completion = new TaskCompletionSource<int>();
        var d = Deferred.FromAsync(token =>
        {
            given = token;
            return completion.Task;
        });
        var seen = new List<object?>();
        d.AddBoth(r =>
        {
            seen.Add(r);
            return r;
        });

        d.Cancel();

        Assert.True(given.IsCancellationRequested);
        Assert.Empty(seen);
        completion.SetResult(9);
        Assert.Equal(new object?[] { 9 }, seen);
    }

    [Fact]
    public void FromAsyncWhoseStartThrowsFailsAtOnce()
    {
        var d = Deferred.FromAsync<int>(_ => throw new FormatException("no start"));
        Assert.Equal("no start", FailureResultOf<FormatException>(d).Value.Message);
    }

    [Fact]
    public async Task AsTaskOfAFiredDeferredCompletesWithItsValueAndLeavesNullInTheChain()
    {
        var d = Deferred.Succeed(5);
        var task = d.AsTask<int>();
        Assert.Equal(5, await task.WaitAsync(SafetyNet));
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public async Task AsTaskCompletesWhenTheDeferredFires()
    {
        var d = new Deferred();
        var task = d.AsTask();
        Assert.False(task.IsCompleted);
        d.Callback("later");
        Assert.Equal("later", await task.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task AsTaskOfAFailedDeferredFaultsWithTheSameException()
    {
        var error = new FormatException("bad");
        var d = Deferred.Fail(error);
        var task = d.AsTask();
        Assert.Same(error, await Assert.ThrowsAsync<FormatException>(() => task.WaitAsync(SafetyNet)));
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public async Task AsTaskOfAResultOfTheWrongTypeFaultsWithInvalidCastException()
    {
        var task = Deferred.Succeed("text").AsTask<int>();
        await Assert.ThrowsAsync<InvalidCastException>(() => task.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task CancellingTheDeferredCancelsTheTask()
    {
        var d = new Deferred();
        var task = d.AsTask();
        d.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(SafetyNet));
        Assert.True(task.IsCanceled);
    }

    [Fact]
    public async Task CancellingTheTokenCancelsTheDeferredAndTheTask()
    {
        var cancellerCalls = 0;
        var d = new Deferred(_ => cancellerCalls++);
        using var source = new CancellationTokenSource();
        var task = d.AsTask(source.Token);

        source.Cancel();

        Assert.Equal(1, cancellerCalls);
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(SafetyNet));
        Assert.Equal(source.Token, thrown.CancellationToken);
        Assert.True(task.IsCanceled);
        Assert.Null(SuccessResultOf(d));
    }

    [Fact]
    public async Task AnAlreadyCancelledTokenCancelsTheDeferredAtOnce()
    {
        var d = new Deferred();
        var task = d.AsTask(new CancellationToken(canceled: true));
        Assert.True(d.Called);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task TokenCancellationGoesThroughPostWhenGiven()
    {
        var posted = new Queue<Action>();
        var d = new Deferred();
        using var source = new CancellationTokenSource();
        var task = d.AsTask(source.Token, posted.Enqueue);

        source.Cancel();
        Assert.False(d.Called);
        posted.Dequeue()();

        Assert.True(d.Called);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task ACancellerThatCallsBackMakesTheTaskSucceed()
    {
        var d = new Deferred(x => x.Callback(9));
        using var source = new CancellationTokenSource();
        var task = d.AsTask<int>(source.Token);
        source.Cancel();
        Assert.Equal(9, await task.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task TheTasksContinuationsNeverRunInsideTheDeferredsCallback()
    {
        var d = new Deferred();
        var task = d.AsTask();
        var firingThread = Environment.CurrentManagedThreadId;
        var firing = 0;
        var inlineObserved = task.ContinueWith(
            _ => Environment.CurrentManagedThreadId == firingThread && Volatile.Read(ref firing) == 1,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        Volatile.Write(ref firing, 1);
        d.Callback(1);
        Volatile.Write(ref firing, 0);

        // Inline, the continuation would have run on this thread while "firing" was 1.
        Assert.False(await inlineObserved.WaitAsync(SafetyNet));
    }
}
