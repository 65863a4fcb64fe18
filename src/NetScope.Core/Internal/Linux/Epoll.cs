using System.Runtime.CompilerServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// An epoll instance: register descriptors with a 64-bit value of the caller's choosing, then
/// <see cref="Wait"/> for readiness reports. Meant for one reactor thread; <see cref="Dispose"/>
/// while another thread waits is safe (the descriptor closes when that wait returns).
/// </summary>
[SkipLocalsInit]
internal sealed unsafe class Epoll : IDisposable
{
    private readonly SafeFdHandle _handle;

    /// <summary>Creates the instance (<c>epoll_create1(EPOLL_CLOEXEC)</c>).</summary>
    /// <exception cref="IOException">The kernel refused (for example <see cref="Errno.EMFILE"/>).</exception>
    public Epoll()
    {
        _handle = Libc.epoll_create1(Libc.EPOLL_CLOEXEC);
        if (_handle.IsInvalid)
        {
            Errno errno = Libc.LastErrno;
            _handle.Dispose();
            throw errno.ToException("epoll_create1");
        }
    }

    /// <summary>
    /// Registers <paramref name="fd"/> (<c>EPOLL_CTL_ADD</c>). <see cref="EpollEvents.Err"/> and
    /// <see cref="EpollEvents.Hup"/> are always reported, whether asked for or not.
    /// </summary>
    /// <param name="fd">The descriptor to watch.</param>
    /// <param name="events">The events of interest, plus flags such as <see cref="EpollEvents.EdgeTriggered"/>.</param>
    /// <param name="data">Returned as <see cref="EpollEvent.Data"/> with every report for this descriptor.</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.EEXIST"/> when already registered, <see cref="Errno.EPERM"/> for a regular file).</returns>
    public Errno Add(int fd, EpollEvents events, ulong data) => Control(Libc.EPOLL_CTL_ADD, fd, events, data);

    /// <summary>Changes the events and data of a registered descriptor (<c>EPOLL_CTL_MOD</c>).</summary>
    /// <param name="fd">The registered descriptor.</param>
    /// <param name="events">The new events of interest and flags.</param>
    /// <param name="data">The new user data.</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.ENOENT"/> when not registered).</returns>
    public Errno Modify(int fd, EpollEvents events, ulong data) => Control(Libc.EPOLL_CTL_MOD, fd, events, data);

    /// <summary>
    /// Stops watching <paramref name="fd"/> (<c>EPOLL_CTL_DEL</c>). Closing a descriptor removes it
    /// too, unless a duplicate of it is still open.
    /// </summary>
    /// <param name="fd">The registered descriptor.</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.ENOENT"/> when not registered).</returns>
    public Errno Remove(int fd) => Control(Libc.EPOLL_CTL_DEL, fd, EpollEvents.None, 0);

    /// <summary>
    /// Waits until at least one registered descriptor is ready or the timeout passes, and fills
    /// the start of <paramref name="events"/> with the reports.
    /// </summary>
    /// <param name="events">Room for the reports; its length is the most one call returns.</param>
    /// <param name="timeoutMs">Milliseconds to wait at most; 0 polls; -1 waits without limit.</param>
    /// <returns>How many reports were written; 0 when the timeout passed (or a signal cut a finite wait short).</returns>
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">This instance was disposed.</exception>
    /// <exception cref="IOException">The kernel rejected the wait (a bug, not a runtime condition).</exception>
    public int Wait(Span<EpollEvent> events, int timeoutMs)
    {
        if (events.IsEmpty)
        {
            throw new ArgumentException("Wait needs room for at least one event.", nameof(events));
        }

        int timeout = timeoutMs;
        while (true)
        {
            int count;
            fixed (EpollEvent* first = events)
            {
                count = Libc.epoll_wait(_handle, first, events.Length, timeout);
            }

            if (count >= 0)
            {
                if (count > 0 && EpollEvent.IsPackedOnThisArchitecture)
                {
                    EpollEvent.ExpandPacked(events, count);
                }

                return count;
            }

            Errno errno = Libc.LastErrno;
            if (errno != Errno.EINTR)
            {
                throw errno.ToException("epoll_wait");
            }

            // A signal interrupted the wait. Waiting the full timeout again could overshoot the
            // caller's deadline, so a finite wait only polls once more; the caller recomputes its
            // timeout from its timers and waits again. An unbounded wait simply resumes.
            if (timeout > 0)
            {
                timeout = 0;
            }
        }
    }

    /// <summary>Closes the epoll descriptor (deferred until a wait in progress returns).</summary>
    public void Dispose() => _handle.Dispose();

    private Errno Control(int operation, int fd, EpollEvents events, ulong data)
    {
        byte* native = stackalloc byte[16];
        EpollEvent.WriteNative(native, events, data);
        return Libc.epoll_ctl(_handle, operation, fd, native) == 0 ? Errno.None : Libc.LastErrno;
    }
}
