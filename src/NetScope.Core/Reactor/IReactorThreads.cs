using NetScope.Core.Defer;

namespace NetScope.Core.Reactor;

/// <summary>
/// How other threads reach the reactor, and how blocking work leaves it (Twisted's
/// <c>IReactorThreads</c> and <c>IReactorFromThreads</c>).
/// </summary>
public interface IReactorThreads
{
    /// <summary>
    /// <see langword="true"/> when called on the reactor thread. Before <c>Run</c> no thread is
    /// bound yet, so every thread counts: set-up code may listen and connect from wherever it
    /// builds the reactor. Code that drives a running reactor from elsewhere must wait until it
    /// runs (<c>CallWhenRunning</c>) and then use <see cref="CallFromThread"/>.
    /// </summary>
    bool IsReactorThread { get; }

    /// <summary>
    /// Runs <paramref name="callable"/> on the reactor thread at its next iteration, waking it
    /// if it sleeps. Safe from any thread; calls run in the order they were made.
    /// </summary>
    void CallFromThread(Action callable);

    /// <summary>Runs <paramref name="callable"/> on the reactor's bounded thread pool.</summary>
    void CallInThread(Action callable);

    /// <summary>
    /// Runs blocking <paramref name="function"/> on the thread pool and returns a Deferred that
    /// fires on the reactor thread with its result or its exception.
    /// </summary>
    Deferred<T> DeferToThread<T>(Func<T> function);

    /// <summary>Sets the most threads the pool may use (at least 1).</summary>
    void SuggestThreadPoolSize(int maxThreads);
}
