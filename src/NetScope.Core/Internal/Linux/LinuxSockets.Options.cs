using System.Diagnostics.CodeAnalysis;

namespace NetScope.Core.Internal.Linux;

/// <content>Socket options, the pending error (<c>SO_ERROR</c>) and <c>TCP_INFO</c>.</content>
internal static unsafe partial class LinuxSockets
{
    /// <summary>Sets an integer option (<c>setsockopt</c>), such as <see cref="Libc.SOL_SOCKET"/>/<see cref="Libc.SO_REUSEADDR"/>.</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="level">The protocol level (<see cref="Libc.SOL_SOCKET"/>, <see cref="Libc.IPPROTO_TCP"/>, <see cref="Libc.IPPROTO_IPV6"/>).</param>
    /// <param name="name">The option at that level.</param>
    /// <param name="value">The value (0 or 1 for switches).</param>
    /// <returns><see cref="Errno.None"/>, or why not (<see cref="Errno.ENOPROTOOPT"/>, <see cref="Errno.EINVAL"/>).</returns>
    public static Errno SetOption(int fd, int level, int name, int value) =>
        Libc.setsockopt(fd, level, name, &value, sizeof(int)) == 0 ? Errno.None : Libc.LastErrno;

    /// <summary>Reads an integer option (<c>getsockopt</c>).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="level">The protocol level.</param>
    /// <param name="name">The option at that level.</param>
    /// <param name="value">The value; 0 when the call failed.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno GetOption(int fd, int level, int name, out int value)
    {
        int result = 0;
        uint length = sizeof(int);
        Errno errno = Libc.getsockopt(fd, level, name, &result, &length) == 0 ? Errno.None : Libc.LastErrno;
        value = result;
        return errno;
    }

    /// <summary><c>SO_REUSEADDR</c>: lets a listener bind a port that connections in TIME_WAIT still hold.</summary>
    /// <param name="fd">The socket, before <see cref="Bind"/>.</param>
    /// <param name="enabled">On or off.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetReuseAddress(int fd, bool enabled) =>
        SetOption(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, enabled ? 1 : 0);

    /// <summary><c>SO_KEEPALIVE</c>: probe an idle connection so a dead peer is noticed.</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="enabled">On or off.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetKeepAlive(int fd, bool enabled) =>
        SetOption(fd, Libc.SOL_SOCKET, Libc.SO_KEEPALIVE, enabled ? 1 : 0);

    /// <summary><c>TCP_NODELAY</c>: send small writes at once instead of coalescing them (Nagle off).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="enabled">True turns Nagle's algorithm off.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetNoDelay(int fd, bool enabled) =>
        SetOption(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, enabled ? 1 : 0);

    /// <summary><c>IPV6_V6ONLY</c>: false makes an IPv6 socket dual-stack (IPv4 peers appear as <c>::ffff:a.b.c.d</c>).</summary>
    /// <param name="fd">An IPv6 socket, before <see cref="Bind"/>.</param>
    /// <param name="enabled">True for IPv6 only.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetV6Only(int fd, bool enabled) =>
        SetOption(fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY, enabled ? 1 : 0);

    /// <summary><c>SO_RCVBUF</c>: the receive buffer size (the kernel doubles it for bookkeeping and clamps it).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="bytes">The requested size.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetReceiveBufferSize(int fd, int bytes) =>
        SetOption(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, bytes);

    /// <summary><c>SO_SNDBUF</c>: the send buffer size (the kernel doubles it for bookkeeping and clamps it).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="bytes">The requested size.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetSendBufferSize(int fd, int bytes) =>
        SetOption(fd, Libc.SOL_SOCKET, Libc.SO_SNDBUF, bytes);

    /// <summary>The effective receive buffer size (<c>SO_RCVBUF</c>).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="bytes">The size; 0 when the call failed.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno GetReceiveBufferSize(int fd, out int bytes) =>
        GetOption(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, out bytes);

    /// <summary>The effective send buffer size (<c>SO_SNDBUF</c>).</summary>
    /// <param name="fd">The socket.</param>
    /// <param name="bytes">The size; 0 when the call failed.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno GetSendBufferSize(int fd, out int bytes) =>
        GetOption(fd, Libc.SOL_SOCKET, Libc.SO_SNDBUF, out bytes);

    /// <summary>
    /// <c>SO_LINGER</c>. Enabled with 0 seconds makes <see cref="Close"/> reset the connection
    /// (RST) and drop unsent data; enabled with more makes close block until the data is sent or
    /// the time passes, which a reactor must never do.
    /// </summary>
    /// <param name="fd">The socket.</param>
    /// <param name="enabled">Whether close lingers.</param>
    /// <param name="seconds">How long it lingers.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetLinger(int fd, bool enabled, int seconds)
    {
        // struct linger { int l_onoff; int l_linger; }
        int* linger = stackalloc int[2];
        linger[0] = enabled ? 1 : 0;
        linger[1] = seconds;
        return Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_LINGER, linger, 2 * sizeof(int)) == 0
            ? Errno.None
            : Libc.LastErrno;
    }

    /// <summary>Makes the next <see cref="Close"/> abortive: the peer gets a reset (<see cref="Errno.ECONNRESET"/>), not end of stream.</summary>
    /// <param name="fd">A connected socket.</param>
    /// <returns><see cref="Errno.None"/>, or why not.</returns>
    public static Errno SetAbortiveClose(int fd) => SetLinger(fd, enabled: true, seconds: 0);

    /// <summary>
    /// Reads and clears the socket's pending error (<c>SO_ERROR</c>): after a non-blocking
    /// <see cref="Connect"/> reports writable, <see cref="Errno.None"/> means connected.
    /// </summary>
    /// <param name="fd">The socket.</param>
    /// <returns>The pending error (<see cref="Errno.ECONNREFUSED"/>, <see cref="Errno.ETIMEDOUT"/>, ...), <see cref="Errno.None"/>, or the failure of the query itself.</returns>
    public static Errno GetSocketError(int fd)
    {
        Errno queryError = GetOption(fd, Libc.SOL_SOCKET, Libc.SO_ERROR, out int pending);
        return queryError != Errno.None ? queryError : (Errno)pending;
    }

    /// <summary>Reads the kernel's TCP statistics for a socket (<c>TCP_INFO</c>).</summary>
    /// <param name="fd">A TCP socket (any state).</param>
    /// <param name="info">The snapshot; null when the call failed.</param>
    /// <param name="error">Why it failed; <see cref="Errno.EPROTO"/> when the kernel returned less than <see cref="TcpInfo.MinimumLength"/> bytes.</param>
    /// <returns>True with a snapshot, false with an error.</returns>
    public static bool TryGetTcpInfo(int fd, [NotNullWhen(true)] out TcpInfo? info, out Errno error)
    {
        // Larger than the fields read here: the kernel copies min(buffer, its struct) and reports
        // how much, and only that much is parsed.
        const int BufferLength = 320;
        byte* buffer = stackalloc byte[BufferLength];
        uint length = BufferLength;
        if (Libc.getsockopt(fd, Libc.IPPROTO_TCP, Libc.TCP_INFO, buffer, &length) != 0)
        {
            info = null;
            error = Libc.LastErrno;
            return false;
        }

        if (length < TcpInfo.MinimumLength)
        {
            info = null;
            error = Errno.EPROTO;
            return false;
        }

        info = TcpInfo.Parse(new ReadOnlySpan<byte>(buffer, (int)Math.Min(length, BufferLength)));
        error = Errno.None;
        return true;
    }
}
