using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// The bounded pool where blocking work runs (Twisted's <c>ThreadPool</c>): threads are
/// started on demand up to <see cref="MaxThreads"/> and wait for work while idle. Work items
/// never run on the reactor thread.
/// </summary>
internal sealed class ReactorThreadPool : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new(new ConcurrentQueue<Action>());
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly List<Thread> _threads = new();
    private readonly object _gate = new();
    private int _busy;
    private int _idle;

    public ReactorThreadPool(string name, int maxThreads, ILogger logger)
    {
        _name = name;
        MaxThreads = Math.Max(1, maxThreads);
        _logger = logger;
    }

    /// <summary>The most threads the pool starts.</summary>
    public int MaxThreads { get; set; }

    /// <summary>Work items waiting for a thread.</summary>
    public int QueueDepth => _queue.Count;

    /// <summary>Threads running a work item now.</summary>
    public int BusyThreads => Volatile.Read(ref _busy);

    /// <summary>Threads started so far.</summary>
    public int ThreadCount
    {
        get
        {
            lock (_gate)
            {
                return _threads.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="work"/>, starting a thread if none is idle and the limit allows.</summary>
    public void Enqueue(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _queue.Add(work);
        lock (_gate)
        {
            if (Volatile.Read(ref _idle) == 0 && _threads.Count < MaxThreads)
            {
                var thread = new Thread(Work)
                {
                    IsBackground = true,
                    Name = $"{_name} pool {_threads.Count + 1}",
                };
                _threads.Add(thread);
                thread.Start();
            }
        }
    }

    /// <summary>Stops taking work; idle threads end, busy ones end after their item.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void Work()
    {
        while (true)
        {
            Interlocked.Increment(ref _idle);
            Action? work;
            try
            {
                if (!_queue.TryTake(out work, Timeout.Infinite))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _idle);
            }

            Interlocked.Increment(ref _busy);
            try
            {
                work();
            }
            catch (Exception exception)
            {
                ReactorLog.PoolWorkFailed(_logger, exception);
            }
            finally
            {
                Interlocked.Decrement(ref _busy);
            }
        }
    }
}
