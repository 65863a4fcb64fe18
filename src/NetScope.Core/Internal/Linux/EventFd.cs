using System.Runtime.CompilerServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// An eventfd used as the reactor's wake-up: any thread calls <see cref="Signal"/>, the reactor
/// registers <see cref="Fd"/> for <see cref="EpollEvents.In"/> and calls <see cref="Drain"/> when
/// it fires. Signals coalesce: many signals before a drain make one wake-up.
/// </summary>
[SkipLocalsInit]
internal sealed unsafe class EventFd : IDisposable
{
    private readonly SafeFdHandle _handle;

    /// <summary>Creates the eventfd (<c>EFD_NONBLOCK | EFD_CLOEXEC</c>, counter 0).</summary>
    /// <exception cref="IOException">The kernel refused (for example <see cref="Errno.EMFILE"/>).</exception>
    public EventFd()
    {
        _handle = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        if (_handle.IsInvalid)
        {
            Errno errno = Libc.LastErrno;
            _handle.Dispose();
            throw errno.ToException("eventfd");
        }

        Fd = _handle.Fd;
    }

    /// <summary>The descriptor to register with <see cref="Epoll.Add"/>; meaningless after <see cref="Dispose"/>.</summary>
    public int Fd { get; }

    /// <summary>
    /// Makes the eventfd readable, waking an <see cref="Epoll.Wait"/> that watches it. Thread-safe
    /// and lock-free; does nothing once disposed (a stopped loop has no one left to wake).
    /// </summary>
    public void Signal()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        ulong one = 1;
        try
        {
            // EAGAIN means the counter is at its maximum: already signalled, nothing to add.
            while (Libc.write(_handle, &one, sizeof(ulong)) < 0 && Libc.LastErrno == Errno.EINTR)
            {
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check above and the write: same as disposed before.
        }
    }

    /// <summary>Resets the counter to zero, on the reactor thread after a wake-up.</summary>
    /// <returns>True if it had been signalled since the last drain.</returns>
    /// <exception cref="ObjectDisposedException">This instance was disposed.</exception>
    public bool Drain()
    {
        ulong count;
        while (true)
        {
            if (Libc.read(_handle, &count, sizeof(ulong)) == sizeof(ulong))
            {
                return true;
            }

            Errno errno = Libc.LastErrno;
            if (errno == Errno.EAGAIN)
            {
                return false;
            }

            if (errno != Errno.EINTR)
            {
                throw errno.ToException("read(eventfd)");
            }
        }
    }

    /// <summary>Closes the eventfd (deferred until a <see cref="Signal"/> in progress returns).</summary>
    public void Dispose() => _handle.Dispose();
}
