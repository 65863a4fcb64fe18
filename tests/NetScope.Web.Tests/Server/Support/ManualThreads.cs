using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>A thread pool that runs nothing until the test says so, on the test's own thread.</summary>
internal sealed class ManualThreads : IReactorThreads
{
    private readonly Queue<Action> _work = new();

    public bool IsReactorThread => true;

    public int Pending => _work.Count;

    public int Ran { get; private set; }

    public void CallFromThread(Action callable) => _work.Enqueue(callable);

    public void CallInThread(Action callable) => _work.Enqueue(callable);

    public Deferred<T> DeferToThread<T>(Func<T> function)
    {
        var result = new Deferred<T>();
        _work.Enqueue(() =>
        {
            T value;
            try
            {
                value = function();
            }
            catch (Exception exception)
            {
                result.Errback(exception);
                return;
            }

            result.Callback(value);
        });
        return result;
    }

    public void SuggestThreadPoolSize(int maxThreads)
    {
    }

    /// <summary>Runs queued work, including work it queues, until none is left.</summary>
    public void RunAll()
    {
        for (var i = 0; i < 1_000_000 && _work.Count > 0; i++)
        {
            Ran++;
            _work.Dequeue()();
        }

        Assert.True(_work.Count == 0, "the thread pool work never ran out");
    }
}
