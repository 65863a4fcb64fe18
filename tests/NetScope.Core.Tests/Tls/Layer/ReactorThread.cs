using NetScope.Core.Reactor;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>
/// A real reactor running on its own thread for the length of a test. Tests reach it only through
/// <see cref="InvokeAsync{T}"/> (CallFromThread underneath), as other threads reach a reactor.
/// </summary>
internal sealed class ReactorThread : IDisposable
{
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReactorThread(ReactorKind? kind = null)
    {
        Reactor = kind is { } chosen ? Reactors.Create(chosen) : Reactors.Create();
        _thread = new Thread(() =>
        {
            try
            {
                Reactor.Run();
                _stopped.TrySetResult();
            }
            catch (Exception e)
            {
                _stopped.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "tls-layer-test-reactor",
        };
        _thread.Start();
    }

    public IReactor Reactor { get; }

    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Reactor.CallFromThread(() =>
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
        return done.Task.WaitAsync(TestTimeouts.Operation);
    }

    public Task InvokeAsync(Action action) => InvokeAsync(() =>
    {
        action();
        return true;
    });

    public void Dispose()
    {
        Reactor.CallFromThread(() =>
        {
            try
            {
                Reactor.Stop();
            }
            catch (ReactorNotRunningException)
            {
                // The test stopped it already.
            }
        });
        _stopped.Task.Wait(TestTimeouts.Operation);
    }
}
