namespace NetScope.Core.Defer;

/// <content>Bridges between Deferreds and <see cref="Task"/>s.</content>
public partial class Deferred
{
    /// <summary>
    /// A Deferred that fires when <paramref name="task"/> completes: with its result, with its
    /// exception as a <see cref="Failure"/>, or with <see cref="CancelledException"/> if the task
    /// was cancelled. A task that is already complete fires the Deferred at once.
    /// </summary>
    /// <param name="task">The task to follow.</param>
    /// <param name="post">
    /// How to get back to the Deferred's thread when the task completes elsewhere (the
    /// reactor's <c>CallFromThread</c>). Without it the Deferred fires on whatever thread
    /// completes the task.
    /// </param>
    public static Deferred<object?> FromTask(Task task, Action<Action>? post = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var deferred = new Deferred<object?>();
        Follow(task, () => deferred, static _ => null, post);
        return deferred;
    }

    /// <summary>Typed form of <see cref="FromTask(Task, Action{Action})"/>.</summary>
    public static Deferred<T> FromTask<T>(Task<T> task, Action<Action>? post = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var deferred = new Deferred<T>();
        Follow(task, () => deferred, static t => ((Task<T>)t).Result, post);
        return deferred;
    }

    /// <summary>
    /// Starts <paramref name="start"/> with a cancellation token and follows its task. Cancelling
    /// the Deferred signals the token; the Deferred then waits for the task to finish (with
    /// <see cref="CancelledException"/> if it honoured the token, or with whatever it produced).
    /// </summary>
    public static Deferred<T> FromAsync<T>(Func<CancellationToken, Task<T>> start, Action<Action>? post = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        var source = new CancellationTokenSource();
        Deferred target = null!;
        var deferred = new Deferred<T>(d =>
        {
            source.Cancel();
            if (!d.Called)
            {
                // The task did not stop at once: let its own outcome arrive (Twisted's fromFuture does the same).
                target = d.FireWaitingOnReplacement();
            }
        });
        target = deferred;

        Task<T> task;
        try
        {
            task = start(source.Token);
        }
        catch (Exception exception)
        {
            deferred.Errback(exception);
            return deferred;
        }

        Follow(task, () => target, static t => ((Task<T>)t).Result, post);
        return deferred;
    }

    /// <summary>
    /// A task that completes with this Deferred's result (taking it out of the chain, which
    /// continues with <see langword="null"/>) or its failure's exception. Cancelling
    /// <paramref name="cancellationToken"/> cancels the Deferred, through
    /// <paramref name="post"/> when given (it fires on another thread). The task's
    /// continuations never run inline on the Deferred's thread.
    /// </summary>
    public Task<object?> AsTask(CancellationToken cancellationToken = default, Action<Action>? post = null) =>
        AsTask<object?>(cancellationToken, post);

    /// <summary>Typed form of <see cref="AsTask(CancellationToken, Action{Action})"/>.</summary>
    public Task<T> AsTask<T>(CancellationToken cancellationToken = default, Action<Action>? post = null)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationTokenRegistration registration = default;
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.Register(() =>
            {
                if (post is null)
                {
                    Cancel();
                }
                else
                {
                    post(Cancel);
                }
            });
        }

        AddCallbacks(
            result =>
            {
                registration.Dispose();
                try
                {
                    completion.TrySetResult(CastResult<T>(result));
                }
                catch (InvalidCastException exception)
                {
                    completion.TrySetException(exception);
                }

                return null;
            },
            failure =>
            {
                registration.Dispose();
                if (failure.Value is CancelledException)
                {
                    completion.TrySetCanceled(cancellationToken.IsCancellationRequested ? cancellationToken : default);
                }
                else
                {
                    completion.TrySetException(failure.Value);
                }

                return null;
            });
        return completion.Task;
    }

    private static void Follow(Task task, Func<Deferred> target, Func<Task, object?> getResult, Action<Action>? post)
    {
        if (task.IsCompleted)
        {
            Complete(task, target(), getResult);
            return;
        }

        task.ContinueWith(
            completed =>
            {
                if (post is null)
                {
                    Complete(completed, target(), getResult);
                }
                else
                {
                    post(() => Complete(completed, target(), getResult));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private static void Complete(Task task, Deferred deferred, Func<Task, object?> getResult)
    {
        if (task.IsCanceled)
        {
            deferred.Errback(new CancelledException());
        }
        else if (task.IsFaulted)
        {
            var exception = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            deferred.Errback(exception);
        }
        else
        {
            deferred.Callback(getResult(task));
        }
    }
}
