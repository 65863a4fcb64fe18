using Microsoft.Extensions.Logging;

namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// The bounded pool where blocking work runs (Twisted's <c>ThreadPool</c>): threads are
/// started on demand up to <see cref="MaxThreads"/> and wait for work while idle. Work items
/// never run on the reactor thread.
/// </summary>
/// <remarks>
/// The queue and the count of idle threads change together under one lock, so
/// <see cref="Enqueue"/> knows exactly whether a waiting thread is left for the new item: an
/// idle thread takes one item, and a burst of items must start more threads (counting idle
/// threads without the lock let a burst find one thread "idle" many times over and run on it
/// alone).
/// </remarks>
internal sealed class ReactorThreadPool : IDisposable
{
    private readonly Queue<Action> _queue = new();
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly List<Thread> _threads = new();
    private readonly object _gate = new();
    private int _busy;
    private int _idle;
    private bool _stopped;

    public ReactorThreadPool(string name, int maxThreads, ILogger logger)
    {
        _name = name;
        MaxThreads = Math.Max(1, maxThreads);
        _logger = logger;
    }

    /// <summary>The most threads the pool starts.</summary>
    public int MaxThreads { get; set; }

    /// <summary>Work items waiting for a thread.</summary>
    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

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

    /// <summary>Queues <paramref name="work"/>, starting a thread if no idle one is left for it and the limit allows.</summary>
    /// <exception cref="InvalidOperationException">The pool has been disposed.</exception>
    public void Enqueue(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_stopped)
            {
                throw new InvalidOperationException("The reactor's thread pool has stopped.");
            }

            _queue.Enqueue(work);

            // Idle threads still count as idle until they take an item, so this compares the
            // items nobody has taken with the threads that will take them.
            if (_queue.Count > _idle && _threads.Count < MaxThreads)
            {
                var thread = new Thread(Work)
                {
                    IsBackground = true,
                    Name = $"{_name} pool {_threads.Count + 1}",
                };
                _threads.Add(thread);
                thread.Start();
            }

            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Stops taking work; queued items still run, then the threads end.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Work()
    {
        while (true)
        {
            Action work;
            lock (_gate)
            {
                while (_queue.Count == 0)
                {
                    if (_stopped)
                    {
                        return;
                    }

                    _idle++;
                    Monitor.Wait(_gate);
                    _idle--;
                }

                work = _queue.Dequeue();
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
