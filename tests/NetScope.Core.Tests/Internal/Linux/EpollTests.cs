using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class EpollTests
{
    [Fact]
    public void WaitWithZeroTimeoutReturnsZeroWhenNothingIsReady()
    {
        using var epoll = new Epoll();
        using var eventFd = new EventFd();
        Assert.Equal(Errno.None, epoll.Add(eventFd.Fd, EpollEvents.In, 1));

        Assert.Equal(0, epoll.Wait(new EpollEvent[4], 0));
    }

    [Fact]
    public void ControlErrorsComeBackAsErrnoValues()
    {
        using var epoll = new Epoll();
        using var eventFd = new EventFd();

        Assert.Equal(Errno.ENOENT, epoll.Modify(eventFd.Fd, EpollEvents.In, 1));
        Assert.Equal(Errno.ENOENT, epoll.Remove(eventFd.Fd));
        Assert.Equal(Errno.None, epoll.Add(eventFd.Fd, EpollEvents.In, 1));
        Assert.Equal(Errno.EEXIST, epoll.Add(eventFd.Fd, EpollEvents.In, 1));
        Assert.Equal(Errno.EBADF, epoll.Add(-1, EpollEvents.In, 1));
    }

    [Fact]
    public void ModifyReplacesTheEventsAndTheData()
    {
        using var epoll = new Epoll();
        using var eventFd = new EventFd();
        var events = new EpollEvent[4];

        // An eventfd is always writable, and readable once signalled.
        Assert.Equal(Errno.None, epoll.Add(eventFd.Fd, EpollEvents.Out, 7));
        Assert.Equal(1, LoopbackSockets.WaitForAny(epoll, events));
        Assert.Equal((EpollEvents.Out, 7UL), (events[0].Events, events[0].Data));

        Assert.Equal(Errno.None, epoll.Modify(eventFd.Fd, EpollEvents.In, 8));
        Assert.Equal(0, epoll.Wait(events, 0));
        eventFd.Signal();
        Assert.Equal(1, LoopbackSockets.WaitForAny(epoll, events));
        Assert.Equal((EpollEvents.In, 8UL), (events[0].Events, events[0].Data));
    }

    [Fact]
    public void RemovedDescriptorIsNoLongerReported()
    {
        using var epoll = new Epoll();
        using var eventFd = new EventFd();
        eventFd.Signal();
        Assert.Equal(Errno.None, epoll.Add(eventFd.Fd, EpollEvents.In, 1));
        Assert.Equal(1, epoll.Wait(new EpollEvent[1], 0));

        Assert.Equal(Errno.None, epoll.Remove(eventFd.Fd));

        Assert.Equal(0, epoll.Wait(new EpollEvent[1], 0));
    }

    [Fact]
    public void LevelTriggeredReportsAgainButEdgeTriggeredReportsOnce()
    {
        using var epoll = new Epoll();
        using var level = new EventFd();
        using var edge = new EventFd();
        Assert.Equal(Errno.None, epoll.Add(level.Fd, EpollEvents.In, 1));
        Assert.Equal(Errno.None, epoll.Add(edge.Fd, EpollEvents.In | EpollEvents.EdgeTriggered, 2));
        level.Signal();
        edge.Signal();
        var events = new EpollEvent[4];

        Assert.Equal(2, LoopbackSockets.WaitForAny(epoll, events));
        Assert.Equal(1, epoll.Wait(events, 0));
        Assert.Equal(1UL, events[0].Data);
    }

    [Fact]
    public void OnlyAsManyEventsAsTheSpanHoldsAreReturned()
    {
        using var epoll = new Epoll();
        using var first = new EventFd();
        using var second = new EventFd();
        Assert.Equal(Errno.None, epoll.Add(first.Fd, EpollEvents.Out, 1));
        Assert.Equal(Errno.None, epoll.Add(second.Fd, EpollEvents.Out, 2));

        var events = new EpollEvent[2];
        Assert.Equal(1, LoopbackSockets.WaitForAny(epoll, events.AsSpan(0, 1)));
        Assert.Equal(default, events[1]);
    }

    [Fact]
    public void WaitRejectsAnEmptySpan()
    {
        using var epoll = new Epoll();

        Assert.Throws<ArgumentException>(() => epoll.Wait([], 0));
    }

    [Fact]
    public void WaitAfterDisposeThrowsObjectDisposed()
    {
        var epoll = new Epoll();
        epoll.Dispose();

        Assert.Throws<ObjectDisposedException>(() => epoll.Wait(new EpollEvent[1], 0));
        Assert.Throws<ObjectDisposedException>(() => epoll.Add(0, EpollEvents.In, 0));
    }
}
