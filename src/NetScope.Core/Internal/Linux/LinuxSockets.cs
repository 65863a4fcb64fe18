using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// TCP on raw socket descriptors, for the epoll reactor: every socket is non-blocking and
/// close-on-exec, nothing allocates per call, and failures come back as an <see cref="Errno"/>
/// (<see cref="Errno.EAGAIN"/> included) instead of an exception. <see cref="Errno.EINTR"/> is
/// retried inside. Descriptors are plain <see cref="int"/>s owned by the caller, who must
/// <see cref="Close"/> each exactly once.
/// </summary>
/// <remarks>
/// This file: creating, binding, listening, accepting, connecting, shutting down, closing and
/// naming sockets. <c>LinuxSockets.Io.cs</c>: receive and send. <c>LinuxSockets.Options.cs</c>:
/// socket options, pending errors and TCP_INFO.
/// </remarks>
[SkipLocalsInit]
internal static unsafe partial class LinuxSockets
{
    private const int NonBlockingCloseOnExec = Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC;

    /// <summary>Creates a non-blocking, close-on-exec TCP socket.</summary>
    /// <param name="family"><see cref="AddressFamily.InterNetwork"/> or <see cref="AddressFamily.InterNetworkV6"/>.</param>
    /// <returns>The new descriptor, or why not (<see cref="Errno.EMFILE"/>, <see cref="Errno.EAFNOSUPPORT"/>, ...).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Another address family.</exception>
    public static SysResult CreateTcp(AddressFamily family)
    {
        int domain = family switch
        {
            AddressFamily.InterNetwork => Libc.AF_INET,
            AddressFamily.InterNetworkV6 => Libc.AF_INET6,
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "TCP sockets here are IPv4 or IPv6."),
        };
        int fd = Libc.socket(domain, Libc.SOCK_STREAM | NonBlockingCloseOnExec, Libc.IPPROTO_TCP);
        return fd >= 0 ? new SysResult(fd) : SysResult.Failure(Libc.LastErrno);
    }

    /// <summary>Binds the socket to a local address (port 0 lets the kernel choose; read it back with <see cref="GetSockName"/>).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="address">The local address, of the socket's family.</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.EADDRINUSE"/>, <see cref="Errno.EACCES"/>, <see cref="Errno.EADDRNOTAVAIL"/>).</returns>
    public static Errno Bind(int fd, in SockAddr address)
    {
        fixed (byte* native = address.AsSpan())
        {
            return Libc.bind(fd, native, (uint)address.Length) == 0 ? Errno.None : Libc.LastErrno;
        }
    }

    /// <summary>Starts accepting connections.</summary>
    /// <param name="fd">A bound socket (an unbound one gets an ephemeral port).</param>
    /// <param name="backlog">The accept queue length (the kernel caps it at <c>net.core.somaxconn</c>).</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.EADDRINUSE"/> when another socket listens on the port).</returns>
    public static Errno Listen(int fd, int backlog) =>
        Libc.listen(fd, backlog) == 0 ? Errno.None : Libc.LastErrno;

    /// <summary>Takes one pending connection as a non-blocking, close-on-exec socket.</summary>
    /// <param name="listenFd">A listening socket.</param>
    /// <returns>
    /// The new descriptor; <see cref="Errno.EAGAIN"/> when none is pending;
    /// <see cref="Errno.ECONNABORTED"/> when one was reset while queued (accept again);
    /// <see cref="Errno.EMFILE"/>/<see cref="Errno.ENFILE"/> when out of descriptors.
    /// </returns>
    public static SysResult Accept(int listenFd)
    {
        while (true)
        {
            int fd = Libc.accept4(listenFd, null, null, NonBlockingCloseOnExec);
            if (fd >= 0)
            {
                return new SysResult(fd);
            }

            Errno errno = Libc.LastErrno;
            if (errno != Errno.EINTR)
            {
                return SysResult.Failure(errno);
            }
        }
    }

    /// <summary>Takes one pending connection, as <see cref="Accept(int)"/>, and the peer's address.</summary>
    /// <param name="listenFd">A listening socket.</param>
    /// <param name="peer">The peer's address; empty when the call failed.</param>
    /// <returns>As <see cref="Accept(int)"/>.</returns>
    public static SysResult Accept(int listenFd, out SockAddr peer)
    {
        peer = default;
        fixed (byte* native = peer.RawStorage)
        {
            while (true)
            {
                uint length = SockAddr.MaxLength;
                int fd = Libc.accept4(listenFd, native, &length, NonBlockingCloseOnExec);
                if (fd >= 0)
                {
                    peer.SetLength((int)length);
                    return new SysResult(fd);
                }

                Errno errno = Libc.LastErrno;
                if (errno != Errno.EINTR)
                {
                    return SysResult.Failure(errno);
                }
            }
        }
    }

    /// <summary>
    /// Starts connecting. Usually returns <see cref="Errno.EINPROGRESS"/>: register for
    /// <see cref="EpollEvents.Out"/>, and when it fires, <see cref="GetSocketError"/> tells the
    /// outcome (<see cref="Errno.None"/> when connected, <see cref="Errno.ECONNREFUSED"/>, ...).
    /// </summary>
    /// <param name="fd">A socket of the address's family.</param>
    /// <param name="address">The peer's address.</param>
    /// <returns><see cref="Errno.EINPROGRESS"/>; <see cref="Errno.None"/> if it connected at once; otherwise why it failed at once.</returns>
    public static Errno Connect(int fd, in SockAddr address)
    {
        fixed (byte* native = address.AsSpan())
        {
            if (Libc.connect(fd, native, (uint)address.Length) == 0)
            {
                return Errno.None;
            }
        }

        // An interrupted connect goes on in the background, exactly like EINPROGRESS; retrying
        // would fail with EALREADY.
        Errno errno = Libc.LastErrno;
        return errno == Errno.EINTR ? Errno.EINPROGRESS : errno;
    }

    /// <summary>
    /// Shuts down one or both directions: <see cref="SocketShutdown.Send"/> (<c>SHUT_WR</c>) sends
    /// a FIN so the peer reads end of stream, while data can still arrive.
    /// </summary>
    /// <param name="fd">A connected socket.</param>
    /// <param name="how">Which direction(s).</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.ENOTCONN"/>).</returns>
    public static Errno Shutdown(int fd, SocketShutdown how)
    {
        // SocketShutdown's values are SHUT_RD (0), SHUT_WR (1) and SHUT_RDWR (2).
        return Libc.shutdown(fd, (int)how) == 0 ? Errno.None : Libc.LastErrno;
    }

    /// <summary>
    /// Closes the descriptor, which also removes it from every epoll set. After
    /// <see cref="SetAbortiveClose"/> this sends a reset instead of a FIN.
    /// </summary>
    /// <param name="fd">The descriptor; its number may be reused at once, so forget it.</param>
    /// <returns><see cref="Errno.None"/>, or <see cref="Errno.EBADF"/> for a descriptor that was not open.</returns>
    public static Errno Close(int fd)
    {
        // Linux releases the descriptor even when close reports EINTR: retrying could close a
        // descriptor another thread has just been given, so EINTR counts as success.
        if (Libc.close(fd) == 0)
        {
            return Errno.None;
        }

        Errno errno = Libc.LastErrno;
        return errno == Errno.EINTR ? Errno.None : errno;
    }

    /// <summary>The local address (<c>getsockname</c>), for example the port the kernel chose.</summary>
    /// <param name="fd">A bound socket.</param>
    /// <param name="address">The address; empty when the call failed.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno GetSockName(int fd, out SockAddr address)
    {
        address = default;
        fixed (byte* native = address.RawStorage)
        {
            uint length = SockAddr.MaxLength;
            if (Libc.getsockname(fd, native, &length) != 0)
            {
                return Libc.LastErrno;
            }

            address.SetLength((int)length);
            return Errno.None;
        }
    }

    /// <summary>The peer's address (<c>getpeername</c>).</summary>
    /// <param name="fd">A connected socket.</param>
    /// <param name="address">The address; empty when the call failed.</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.ENOTCONN"/>).</returns>
    public static Errno GetPeerName(int fd, out SockAddr address)
    {
        address = default;
        fixed (byte* native = address.RawStorage)
        {
            uint length = SockAddr.MaxLength;
            if (Libc.getpeername(fd, native, &length) != 0)
            {
                return Libc.LastErrno;
            }

            address.SetLength((int)length);
            return Errno.None;
        }
    }
}
