using System.Collections.Concurrent;
using NetScope.Core.Defer;

namespace NetScope.Testing;

/// <content>Threads: calls are queued and run when the test asks, never on their own.</content>
public sealed partial class MemoryReactor
{
    private readonly int _ownerThread;
    private readonly ConcurrentQueue<Action> _threadCalls = new();
    private readonly ConcurrentQueue<Action> _poolWork = new();

    /// <summary>The size passed to <see cref="SuggestThreadPoolSize"/> (10 until then).</summary>
    public int ThreadPoolSize { get; private set; } = 10;

    /// <summary>Calls queued by <see cref="CallFromThread"/> and not run yet.</summary>
    public int PendingThreadCalls => _threadCalls.Count;

    /// <summary>Work queued by <see cref="CallInThread"/> or <see cref="DeferToThread{T}"/> and not run yet.</summary>
    public int PendingThreadPoolWork => _poolWork.Count;

    /// <summary><see langword="true"/> on the thread that created the reactor (the test's thread plays the reactor thread).</summary>
    public bool IsReactorThread => Environment.CurrentManagedThreadId == _ownerThread;

    /// <summary>Queues <paramref name="callable"/> until the test calls <see cref="RunThreadCalls"/>. Safe from any thread.</summary>
    public void CallFromThread(Action callable)
    {
        ArgumentNullException.ThrowIfNull(callable);
        _threadCalls.Enqueue(callable);
    }

    /// <summary>Runs the calls queued by <see cref="CallFromThread"/>, in order, including those they queue.</summary>
    /// <returns>How many ran.</returns>
    public int RunThreadCalls()
    {
        var ran = 0;
        while (_threadCalls.TryDequeue(out var call))
        {
            call();
            ran++;
        }

        return ran;
    }

    /// <summary>Queues <paramref name="callable"/> as pool work, run by <see cref="RunThreadPoolWork"/>.</summary>
    public void CallInThread(Action callable)
    {
        ArgumentNullException.ThrowIfNull(callable);
        _poolWork.Enqueue(callable);
    }

    /// <summary>
    /// Queues <paramref name="function"/> as pool work; when <see cref="RunThreadPoolWork"/> runs
    /// it, its result or exception is queued back with <see cref="CallFromThread"/>, so the
    /// Deferred fires at the next <see cref="RunThreadCalls"/>, as it would on the reactor thread.
    /// </summary>
    public Deferred<T> DeferToThread<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = new Deferred<T>();
        CallInThread(() =>
        {
            T value;
            try
            {
                value = function();
            }
            catch (Exception exception)
            {
                CallFromThread(() => result.Errback(exception));
                return;
            }

            CallFromThread(() => result.Callback(value));
        });
        return result;
    }

    /// <summary>Runs the queued pool work on the calling thread, in order.</summary>
    /// <returns>How many items ran.</returns>
    public int RunThreadPoolWork()
    {
        var ran = 0;
        while (_poolWork.TryDequeue(out var work))
        {
            work();
            ran++;
        }

        return ran;
    }

    /// <inheritdoc/>
    public void SuggestThreadPoolSize(int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        ThreadPoolSize = maxThreads;
    }
}
