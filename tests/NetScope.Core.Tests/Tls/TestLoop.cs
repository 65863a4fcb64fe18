using System.Collections.Concurrent;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// A one-thread event loop standing in for the reactor: engines are driven only from its thread, and
/// tests reach it through <see cref="Post"/> and <see cref="InvokeAsync{T}"/>, as code reaches the
/// reactor through CallFromThread.
/// </summary>
internal sealed class TestLoop : IDisposable
{
    private readonly BlockingCollection<Action> _queue = [];
    private readonly Thread _thread;

    public TestLoop()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "tls-test-loop" };
        ThreadId = _thread.ManagedThreadId;
        _thread.Start();
    }

    public int ThreadId { get; }

    /// <summary>Exceptions that escaped a posted action; a test that ends with any has a bug.</summary>
    public ConcurrentQueue<Exception> Errors { get; } = new();

    public void Post(Action action)
    {
        try
        {
            _queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The loop is shutting down (a socket reader reporting after the test ended).
        }
    }

    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                done.SetResult(function());
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        });
        return done.Task;
    }

    public Task InvokeAsync(Action action) => InvokeAsync(() =>
    {
        action();
        return true;
    });

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var action in _queue.GetConsumingEnumerable())
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Errors.Enqueue(e);
            }
        }
    }
}
