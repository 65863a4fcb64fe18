using System.Net;
using System.Net.Sockets;
using NetScope.Core.Internal.Linux;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Reactor.Epoll;

/// <summary>
/// The Linux reactor (Twisted's <c>epollreactor</c>): level-triggered epoll through direct
/// system calls, an eventfd for wake-ups, and one registration slot per watched socket whose
/// generation number makes a stale report for a reused slot harmless.
/// </summary>
internal sealed class EpollReactor : ReactorBase
{
    private const ulong WakerData = ulong.MaxValue;
    private const int MaxEventsPerPoll = 4096;

    private readonly NetScope.Core.Internal.Linux.Epoll _epoll = new();
    private readonly EventFd _waker = new();
    private readonly Stack<int> _freeSlots = new();
    private EpollEvent[] _events = new EpollEvent[256];
    private Selectable?[] _slots = new Selectable?[64];
    private uint[] _generations = new uint[64];
    private int _slotCount;

    public EpollReactor(ReactorOptions? options = null)
        : base("epoll", options)
    {
        var errno = _epoll.Add(_waker.Fd, EpollEvents.In, WakerData);
        if (errno != Errno.None)
        {
            throw errno.ToException("epoll_ctl(eventfd)");
        }
    }

    protected override void Poll(int timeoutMs)
    {
        var events = _events;
        var count = _epoll.Wait(events, timeoutMs);
        for (var i = 0; i < count; i++)
        {
            var report = events[i];
            if (report.Data == WakerData)
            {
                _waker.Drain();
                AcknowledgeWakeUp();
                continue;
            }

            var slot = (int)(report.Data & 0xFFFF_FFFF);
            var selectable = _slots[slot];
            if (selectable is null || _generations[slot] != (uint)(report.Data >> 32))
            {
                // Unregistered earlier in this batch (and maybe the slot reused): not for this one.
                continue;
            }

            var flags = report.Events;
            var failed = (flags & (EpollEvents.Err | EpollEvents.Hup)) != 0;
            Dispatch(selectable, readable: failed || (flags & EpollEvents.In) != 0, writable: failed || (flags & EpollEvents.Out) != 0);
        }

        if (count == events.Length && events.Length < MaxEventsPerPoll)
        {
            _events = new EpollEvent[events.Length * 2];
        }
    }

    protected override void WakeUp() => _waker.Signal();

    protected override void DisposeBackend()
    {
        _epoll.Dispose();
        _waker.Dispose();
    }

    internal override void Register(Selectable selectable, bool read, bool write)
    {
        var slot = _freeSlots.Count > 0 ? _freeSlots.Pop() : NewSlot();
        _slots[slot] = selectable;
        _generations[slot]++;
        selectable.Slot = slot;
        selectable.WatchRead = false;
        selectable.WatchWrite = false;
        Apply(selectable, read, write);
    }

    internal override void UpdateInterest(Selectable selectable, bool read, bool write)
    {
        if (selectable.Slot >= 0)
        {
            Apply(selectable, read, write);
        }
    }

    internal override void Unregister(Selectable selectable)
    {
        var slot = selectable.Slot;
        if (slot < 0)
        {
            return;
        }

        Apply(selectable, read: false, write: false);
        _slots[slot] = null;
        _freeSlots.Push(slot);
        selectable.Slot = -1;
    }

    internal override ReactorSocket CreateTcpSocket(AddressFamily family, out SocketError error)
    {
        var result = LinuxSockets.CreateTcp(family);
        error = result.IsSuccess ? SocketError.Success : result.Error.ToSocketError();
        return new FdSocket(result.IsSuccess ? result.Value : -1, family);
    }

    internal override ReactorSocket? CreateListener(IPEndPoint endpoint, int backlog, out SocketError error)
    {
        var created = LinuxSockets.CreateTcp(endpoint.AddressFamily);
        if (!created.IsSuccess)
        {
            error = created.Error.ToSocketError();
            return null;
        }

        var fd = created.Value;

        // As Twisted does: let a restarted server reuse its port while old connections linger in TIME_WAIT.
        LinuxSockets.SetReuseAddress(fd, enabled: true);
        var errno = LinuxSockets.Bind(fd, SockAddr.FromEndPoint(endpoint, endpoint.AddressFamily));
        if (errno == Errno.None)
        {
            errno = LinuxSockets.Listen(fd, backlog);
        }

        if (errno != Errno.None)
        {
            LinuxSockets.Close(fd);
            error = errno.ToSocketError();
            return null;
        }

        error = SocketError.Success;
        return new FdSocket(fd, endpoint.AddressFamily);
    }

    /// <summary>
    /// Brings the kernel's interest set in line with <paramref name="read"/>/<paramref name="write"/>.
    /// A socket watched for nothing is taken out of epoll entirely: left in, a hang-up would be
    /// reported on every wait while, say, reading is paused.
    /// </summary>
    private void Apply(Selectable selectable, bool read, bool write)
    {
        var wasIn = selectable.WatchRead || selectable.WatchWrite;
        var nowIn = read || write;
        var fd = ((FdSocket)selectable.Socket).Fd;
        var data = ((ulong)_generations[selectable.Slot] << 32) | (uint)selectable.Slot;
        var mask = (read ? EpollEvents.In : EpollEvents.None) | (write ? EpollEvents.Out : EpollEvents.None);
        var errno = (wasIn, nowIn) switch
        {
            (false, true) => _epoll.Add(fd, mask, data),
            (true, true) => _epoll.Modify(fd, mask, data),
            (true, false) => _epoll.Remove(fd),
            _ => Errno.None,
        };
        if (errno != Errno.None && errno != Errno.ENOENT)
        {
            throw errno.ToException("epoll_ctl");
        }

        ReaderCount += (read ? 1 : 0) - (selectable.WatchRead ? 1 : 0);
        WriterCount += (write ? 1 : 0) - (selectable.WatchWrite ? 1 : 0);
        selectable.WatchRead = read;
        selectable.WatchWrite = write;
    }

    private int NewSlot()
    {
        if (_slotCount == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _generations, _generations.Length * 2);
        }

        return _slotCount++;
    }
}
