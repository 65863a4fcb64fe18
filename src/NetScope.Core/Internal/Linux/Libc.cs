using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// The raw libc entry points the epoll reactor needs, under their C names so that the man pages
/// apply as written. Every import sets the last P/Invoke error; read it with <see cref="LastErrno"/>.
/// </summary>
/// <remarks>
/// <para>
/// The constants are the Linux values shared by every architecture .NET runs on (x86, x64, Arm,
/// Arm64, RISC-V, LoongArch, s390x, ppc64le); MIPS, SPARC and Alpha differ and are not supported
/// (<see cref="LinuxPlatform.IsSupported"/> says so).
/// </para>
/// <para>
/// <see cref="SuppressGCTransitionAttribute"/> is used only on calls that cannot block: option and
/// name queries, <c>epoll_ctl</c>, and <c>recv</c>/<c>send</c>/<c>sendmsg</c>, which
/// <see cref="LinuxSockets"/> always calls with <see cref="MSG_DONTWAIT"/> so that they return at
/// once even on a blocking descriptor. Calls that can block keep the GC transition: a thread that
/// blocks in cooperative mode would stall every garbage collection in the process.
/// </para>
/// </remarks>
internal static unsafe partial class Libc
{
    private const string LibraryName = "libc";

    // <sys/epoll.h>
    internal const int EPOLL_CLOEXEC = 0x80000;
    internal const int EPOLL_CTL_ADD = 1;
    internal const int EPOLL_CTL_DEL = 2;
    internal const int EPOLL_CTL_MOD = 3;

    // <sys/eventfd.h>
    internal const int EFD_NONBLOCK = 0x800;
    internal const int EFD_CLOEXEC = 0x80000;

    // <sys/socket.h>
    internal const int AF_INET = 2;
    internal const int AF_INET6 = 10;
    internal const int SOCK_STREAM = 1;
    internal const int SOCK_NONBLOCK = 0x800;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int MSG_DONTWAIT = 0x40;
    internal const int MSG_NOSIGNAL = 0x4000;
    internal const int SOL_SOCKET = 1;
    internal const int SO_REUSEADDR = 2;
    internal const int SO_ERROR = 4;
    internal const int SO_SNDBUF = 7;
    internal const int SO_RCVBUF = 8;
    internal const int SO_KEEPALIVE = 9;
    internal const int SO_LINGER = 13;

    // <netinet/in.h>, <netinet/tcp.h>
    internal const int IPPROTO_TCP = 6;
    internal const int IPPROTO_IPV6 = 41;
    internal const int IPV6_V6ONLY = 26;
    internal const int TCP_NODELAY = 1;
    internal const int TCP_INFO = 11;

    /// <summary>The most iovecs one <c>sendmsg</c> accepts (<c>IOV_MAX</c>, <c>UIO_MAXIOV</c>).</summary>
    internal const int IOV_MAX = 1024;

    /// <summary>The errno of the last import called on this thread.</summary>
    internal static Errno LastErrno => (Errno)Marshal.GetLastPInvokeError();

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial SafeFdHandle epoll_create1(int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial int epoll_ctl(SafeFdHandle epfd, int op, int fd, void* ev);

    // No SuppressGCTransition: epoll_wait blocks for up to its timeout.
    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int epoll_wait(SafeFdHandle epfd, void* events, int maxevents, int timeout);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial SafeFdHandle eventfd(uint initval, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial nint read(SafeFdHandle fd, void* buf, nuint count);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial nint write(SafeFdHandle fd, void* buf, nuint count);

    // No SuppressGCTransition: close blocks while SO_LINGER with a positive timeout drains the socket.
    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int socket(int domain, int type, int protocol);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial int setsockopt(int fd, int level, int optname, void* optval, uint optlen);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial int getsockopt(int fd, int level, int optname, void* optval, uint* optlen);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int bind(int fd, void* addr, uint addrlen);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int listen(int fd, int backlog);

    // No SuppressGCTransition: accept4 and connect block on a descriptor left in blocking mode,
    // and neither has a per-call flag like MSG_DONTWAIT to rule that out.
    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int accept4(int fd, void* addr, uint* addrlen, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int connect(int fd, void* addr, uint addrlen);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial nint recv(int fd, void* buf, nuint len, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial nint send(int fd, void* buf, nuint len, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial nint sendmsg(int fd, MessageHeader* msg, int flags);

    [LibraryImport(LibraryName, SetLastError = true)]
    internal static partial int shutdown(int fd, int how);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial int getsockname(int fd, void* addr, uint* addrlen);

    [LibraryImport(LibraryName, SetLastError = true)]
    [SuppressGCTransition]
    internal static partial int getpeername(int fd, void* addr, uint* addrlen);
}
