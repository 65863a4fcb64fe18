using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Reactor;

/// <content>CallFromThread, the thread pool, DeferToThread and CallInThread (Twisted's test_threads.py).</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void CallFromThreadFromEightThreadsAtOnceRunsEveryCallOnTheReactorThreadInEachThreadsOrder()
    {
        const int Threads = 8;
        const int CallsPerThread = 2500;
        var reactor = CreateReactor();
        var seen = Enumerable.Range(0, Threads).Select(_ => new List<int>()).ToArray();
        var offThread = 0;
        var total = 0;
        using var go = new ManualResetEventSlim();
        RunReactor(reactor, r =>
        {
            for (var t = 0; t < Threads; t++)
            {
                var index = t;
                new Thread(() =>
                {
                    go.Wait(TimeSpan.FromSeconds(10));
                    for (var i = 0; i < CallsPerThread; i++)
                    {
                        var sequence = i;
                        r.CallFromThread(() =>
                        {
                            offThread += r.IsReactorThread ? 0 : 1;
                            seen[index].Add(sequence);
                            if (++total == Threads * CallsPerThread)
                            {
                                r.Stop();
                            }
                        });
                    }
                })
                { IsBackground = true }.Start();
            }

            // All eight start at once, so their calls interleave in the queue.
            go.Set();
        });
        Assert.Equal(0, offThread);
        foreach (var calls in seen)
        {
            Assert.Equal(Enumerable.Range(0, CallsPerThread), calls);
        }
    }

    [Fact]
    public void CallFromThreadWakesAReactorSleepingWithNoTimers()
    {
        // Ping-pong between another thread and the reactor: each call arrives while the
        // reactor waits with nothing else to do, so only the wake-up can get it to run.
        const int Rounds = 100;
        var reactor = CreateReactor();
        var rounds = 0;
        var timersSeen = 0;
        using var ran = new SemaphoreSlim(0);
        var pinger = new Thread(() =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                reactor.CallFromThread(() =>
                {
                    timersSeen += reactor.GetDelayedCalls().Count;
                    if (++rounds == Rounds)
                    {
                        reactor.Stop();
                    }

                    ran.Release();
                });
                if (!ran.Wait(TimeSpan.FromSeconds(10)))
                {
                    return;
                }
            }
        })
        { IsBackground = true };
        RunReactor(reactor, _ => pinger.Start());
        Assert.True(pinger.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(Rounds, rounds);
        Assert.Equal(0, timersSeen);
    }

    [Fact]
    public void DeferToThreadRunsOnThePoolAndDeliversItsResultOnTheReactorThread()
    {
        var reactor = CreateReactor();
        bool? workOnReactorThread = null;
        bool? callbackOnReactorThread = null;
        object? result = null;
        RunReactor(reactor, r => r.DeferToThread(() =>
        {
            workOnReactorThread = r.IsReactorThread;
            return 6 * 7;
        }).AddCallback(value =>
        {
            callbackOnReactorThread = r.IsReactorThread;
            result = value;
            r.Stop();
            return null;
        }));
        Assert.False(workOnReactorThread);
        Assert.True(callbackOnReactorThread);
        Assert.Equal(42, result);
    }

    [Fact]
    public void DeferToThreadDeliversTheExceptionOfTheWorkOnTheReactorThread()
    {
        var reactor = CreateReactor();
        var thrown = new InvalidOperationException("the blocking work failed");
        bool? errbackOnReactorThread = null;
        Failure? failure = null;
        RunReactor(reactor, r => r.DeferToThread<int>(() => throw thrown).AddErrback(f =>
        {
            errbackOnReactorThread = r.IsReactorThread;
            failure = f;
            r.Stop();
            return null;
        }));
        Assert.True(errbackOnReactorThread);
        Assert.Same(thrown, failure!.Value);
    }

    [Fact]
    public void CallInThreadRunsOffTheReactorThread()
    {
        var reactor = CreateReactor();
        var reactorThread = 0;
        var workThread = 0;
        bool? workSawReactorThread = null;
        RunReactor(reactor, r =>
        {
            reactorThread = Environment.CurrentManagedThreadId;
            r.CallInThread(() =>
            {
                workThread = Environment.CurrentManagedThreadId;
                workSawReactorThread = r.IsReactorThread;
                r.CallFromThread(r.Stop);
            });
        });
        Assert.NotEqual(0, workThread);
        Assert.NotEqual(reactorThread, workThread);
        Assert.False(workSawReactorThread);
    }

    [Fact]
    public void ThreadPoolRunsAsManyItemsAtOnceAsItsSizeAndNoMore()
    {
        // A first item leaves one pool thread idle; then a burst of items that each hold their
        // thread until the pool is full. The pool must start threads up to its size for them
        // (an idle thread takes only one item) and never more.
        const int Size = 4;
        const int Items = 12;
        var reactor = CreateReactor();
        var running = 0;
        var mostAtOnce = 0;
        var threadsAfterBurst = 0;
        var mostThreads = 0;
        var results = new List<int>();
        using var poolFull = new ManualResetEventSlim();
        RunReactor(reactor, r =>
        {
            r.SuggestThreadPoolSize(Size);
            r.DeferToThread(() => -1).AddCallback(_ =>
            {
                for (var i = 0; i < Items; i++)
                {
                    var item = i;
                    r.DeferToThread(() =>
                    {
                        var now = Interlocked.Increment(ref running);
                        InterlockedMax(ref mostAtOnce, now);
                        if (now == Size)
                        {
                            poolFull.Set();
                        }

                        poolFull.Wait(TimeSpan.FromSeconds(2));
                        Interlocked.Decrement(ref running);
                        return item;
                    }).AddCallback(value =>
                    {
                        mostThreads = Math.Max(mostThreads, r.GetHealth().ThreadPoolThreads);
                        results.Add((int)value!);
                        if (results.Count == Items)
                        {
                            r.Stop();
                        }

                        return null;
                    });
                }

                threadsAfterBurst = r.GetHealth().ThreadPoolThreads;
                return null;
            });
        });
        Assert.Equal(Size, mostAtOnce);
        Assert.InRange(threadsAfterBurst, 1, Size);
        Assert.InRange(mostThreads, 1, Size);
        Assert.Equal(Enumerable.Range(0, Items), results.Order());

        static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }
}
