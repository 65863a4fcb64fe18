using System.Collections.Concurrent;
using NetScope.Core.Defer;
using NetScope.Core.Observation;

namespace NetScope.Core.Reactor.Internal;

/// <content>Calls from other threads, and blocking work on the pool.</content>
internal abstract partial class ReactorBase
{
    private readonly ConcurrentQueue<Action> _threadCalls = new();
    private readonly ReactorThreadPool _pool;
    private int _wakePending;

    /// <inheritdoc/>
    public void CallFromThread(Action callable)
    {
        ArgumentNullException.ThrowIfNull(callable);
        _threadCalls.Enqueue(ObservationScope.Bind(callable));

        // One wake-up per batch: the loop clears the flag before it drains the queue.
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            WakeUp();
        }
    }

    /// <inheritdoc/>
    public void CallInThread(Action callable) => _pool.Enqueue(ObservationScope.Bind(callable));

    /// <inheritdoc/>
    public Deferred<T> DeferToThread<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var deferred = new Deferred<T>();
        _pool.Enqueue(ObservationScope.Bind(() =>
        {
            T result;
            try
            {
                result = function();
            }
            catch (Exception exception)
            {
                CallFromThread(() => deferred.Errback(exception));
                return;
            }

            CallFromThread(() => deferred.Callback(result));
        }));
        return deferred;
    }

    /// <inheritdoc/>
    public void SuggestThreadPoolSize(int maxThreads) => _pool.MaxThreads = Math.Max(1, maxThreads);

    /// <summary>
    /// The backend calls this when its wake-up signal was seen, after draining the signal and
    /// before the queue is run. Not before draining: a wake-up sent in between would be drained
    /// while the flag still said one was pending, and no later call would wake the loop again.
    /// </summary>
    protected void AcknowledgeWakeUp() => Volatile.Write(ref _wakePending, 0);

    private void RunThreadCalls()
    {
        // Only the calls queued so far: a call that queues another must not starve I/O.
        var count = _threadCalls.Count;
        while (count-- > 0 && _threadCalls.TryDequeue(out var call))
        {
            try
            {
                call();
            }
            catch (Exception exception)
            {
                ReactorLog.ThreadCallFailed(Logger, exception);
            }
        }
    }
}
