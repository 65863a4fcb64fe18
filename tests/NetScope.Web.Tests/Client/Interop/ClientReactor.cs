using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>A real reactor on its own thread for the client side of interop tests; work is handed to it and awaited.</summary>
internal sealed class ClientReactor : IDisposable
{
    private readonly Thread _thread;

    public ClientReactor()
    {
        Reactor = Reactors.Create();
        var started = new ManualResetEventSlim();
        Reactor.CallWhenRunning(started.Set);
        _thread = new Thread(Reactor.Run) { IsBackground = true, Name = "interop-client-reactor" };
        _thread.Start();
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "the reactor did not start");
    }

    public IReactor Reactor { get; }

    /// <summary>Runs <paramref name="work"/> on the reactor thread and waits (with a safety bound) for its Deferred.</summary>
    public Task<T> RunAsync<T>(Func<IReactor, Deferred<T>> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Reactor.CallFromThread(() =>
        {
            try
            {
                work(Reactor).AddCallbacks(
                    result =>
                    {
                        completion.TrySetResult((T)result!);
                        return null;
                    },
                    failure =>
                    {
                        completion.TrySetException(failure.Value);
                        return null;
                    });
            }
            catch (Exception exception)
            {
                completion.TrySetException(exception);
            }
        });
        return completion.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        Reactor.CallFromThread(() =>
        {
            if (Reactor.Running)
            {
                Reactor.Stop();
            }
        });
        Assert.True(_thread.Join(TimeSpan.FromSeconds(15)), "the reactor did not stop");
    }
}
