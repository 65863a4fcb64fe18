using System.Diagnostics;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class EventFdTests
{
    private const ulong WakeToken = 0xC0FFEE;

    [Fact]
    public void DrainReportsWhetherSignalsArrivedAndCoalescesThem()
    {
        using var eventFd = new EventFd();

        Assert.False(eventFd.Drain());
        eventFd.Signal();
        eventFd.Signal();
        eventFd.Signal();
        Assert.True(eventFd.Drain());
        Assert.False(eventFd.Drain());
    }

    [Fact]
    public async Task SignalWakesAnEpollWaitBlockedOnAnotherThread()
    {
        using var epoll = new Epoll();
        using var eventFd = new EventFd();
        Assert.Equal(Errno.None, epoll.Add(eventFd.Fd, EpollEvents.In, WakeToken));
        var waiterThreadId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var woken = new TaskCompletionSource<(int Count, EpollEvent Event)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new Thread(() =>
        {
            try
            {
                // "/proc/thread-self" links to "<pid>/task/<tid>" for the calling thread.
                waiterThreadId.SetResult(Path.GetFileName(new FileInfo("/proc/thread-self").LinkTarget!));
                var events = new EpollEvent[4];
                int count = epoll.Wait(events, LoopbackSockets.TimeoutMs);
                woken.SetResult((count, events[0]));
            }
            catch (Exception e)
            {
                woken.TrySetException(e);
            }
        })
        { IsBackground = true, Name = "epoll waiter" };
        waiter.Start();
        string tid = await waiterThreadId.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(IsBlockedInEpollWait(tid), "the waiter never blocked in epoll_wait");
        eventFd.Signal();
        (int count, EpollEvent wake) = await woken.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, count);
        Assert.Equal((EpollEvents.In, WakeToken), (wake.Events, wake.Data));
        Assert.True(eventFd.Drain());
    }

    [Fact]
    public async Task SignalsFromManyThreadsWakeOneDrain()
    {
        using var eventFd = new EventFd();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                eventFd.Signal();
            }
        }))).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(eventFd.Drain());
        Assert.False(eventFd.Drain());
    }

    [Fact]
    public void SignalAfterDisposeDoesNothingButDrainThrows()
    {
        var eventFd = new EventFd();
        eventFd.Dispose();

        eventFd.Signal();
        Assert.Throws<ObjectDisposedException>(() => eventFd.Drain());
    }

    /// <summary>
    /// Watches the kernel's view of the thread (bounded by time, no sleeping) until its wait
    /// channel is the epoll wait: proof that the signal comes while it is blocked, not before.
    /// </summary>
    private static bool IsBlockedInEpollWait(string tid)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            string wchan = File.ReadAllText($"/proc/self/task/{tid}/wchan");
            // "do_epoll_wait" on current kernels, "ep_poll" on older ones.
            if (wchan.Contains("epoll", StringComparison.Ordinal) || wchan.Contains("ep_poll", StringComparison.Ordinal))
            {
                return true;
            }

            Thread.Yield();
        }

        return false;
    }
}
