namespace NetScope.Core.Internal.Linux;

/// <summary>
/// Linux errno values (the generic numbering used by every architecture .NET supports), named as
/// in C so that man pages read directly. <see cref="ErrnoExtensions"/> maps them to
/// <see cref="System.Net.Sockets.SocketError"/> and to short messages.
/// </summary>
/// <remarks>Aliases (<c>EWOULDBLOCK</c> = <see cref="EAGAIN"/>, <c>ENOTSUP</c> = <see cref="EOPNOTSUPP"/>) are left out so that <c>ToString</c> is unambiguous.</remarks>
internal enum Errno
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Operation not permitted.</summary>
    EPERM = 1,

    /// <summary>No such file or directory.</summary>
    ENOENT = 2,

    /// <summary>Interrupted system call: a signal arrived first; retry.</summary>
    EINTR = 4,

    /// <summary>Input/output error.</summary>
    EIO = 5,

    /// <summary>No such device or address.</summary>
    ENXIO = 6,

    /// <summary>Bad file descriptor.</summary>
    EBADF = 9,

    /// <summary>Resource temporarily unavailable: a non-blocking call would have blocked.</summary>
    EAGAIN = 11,

    /// <summary>Cannot allocate memory.</summary>
    ENOMEM = 12,

    /// <summary>Permission denied (for example binding a port below 1024 without privilege).</summary>
    EACCES = 13,

    /// <summary>Bad address.</summary>
    EFAULT = 14,

    /// <summary>Device or resource busy.</summary>
    EBUSY = 16,

    /// <summary>File exists (<c>epoll_ctl</c> ADD of a descriptor already registered).</summary>
    EEXIST = 17,

    /// <summary>Invalid argument.</summary>
    EINVAL = 22,

    /// <summary>Too many open files in the system.</summary>
    ENFILE = 23,

    /// <summary>Too many open files in this process.</summary>
    EMFILE = 24,

    /// <summary>No space left on device (also: the epoll watch limit).</summary>
    ENOSPC = 28,

    /// <summary>Broken pipe: writing to a connection the peer has closed.</summary>
    EPIPE = 32,

    /// <summary>Numerical result out of range.</summary>
    ERANGE = 34,

    /// <summary>Function not implemented.</summary>
    ENOSYS = 38,

    /// <summary>No data available.</summary>
    ENODATA = 61,

    /// <summary>Protocol error.</summary>
    EPROTO = 71,

    /// <summary>Value too large for defined data type.</summary>
    EOVERFLOW = 75,

    /// <summary>Socket operation on non-socket.</summary>
    ENOTSOCK = 88,

    /// <summary>Destination address required.</summary>
    EDESTADDRREQ = 89,

    /// <summary>Message too long.</summary>
    EMSGSIZE = 90,

    /// <summary>Protocol wrong type for socket.</summary>
    EPROTOTYPE = 91,

    /// <summary>Protocol not available (an unknown socket option).</summary>
    ENOPROTOOPT = 92,

    /// <summary>Protocol not supported.</summary>
    EPROTONOSUPPORT = 93,

    /// <summary>Socket type not supported.</summary>
    ESOCKTNOSUPPORT = 94,

    /// <summary>Operation not supported.</summary>
    EOPNOTSUPP = 95,

    /// <summary>Protocol family not supported.</summary>
    EPFNOSUPPORT = 96,

    /// <summary>Address family not supported by protocol.</summary>
    EAFNOSUPPORT = 97,

    /// <summary>Address already in use.</summary>
    EADDRINUSE = 98,

    /// <summary>Cannot assign requested address (not a local address, or no ephemeral port left).</summary>
    EADDRNOTAVAIL = 99,

    /// <summary>Network is down.</summary>
    ENETDOWN = 100,

    /// <summary>Network is unreachable.</summary>
    ENETUNREACH = 101,

    /// <summary>Network dropped connection on reset.</summary>
    ENETRESET = 102,

    /// <summary>Software caused connection abort (a connection reset before <c>accept</c> took it).</summary>
    ECONNABORTED = 103,

    /// <summary>Connection reset by peer.</summary>
    ECONNRESET = 104,

    /// <summary>No buffer space available.</summary>
    ENOBUFS = 105,

    /// <summary>Transport endpoint is already connected.</summary>
    EISCONN = 106,

    /// <summary>Transport endpoint is not connected.</summary>
    ENOTCONN = 107,

    /// <summary>Cannot send after transport endpoint shutdown.</summary>
    ESHUTDOWN = 108,

    /// <summary>Connection timed out.</summary>
    ETIMEDOUT = 110,

    /// <summary>Connection refused.</summary>
    ECONNREFUSED = 111,

    /// <summary>Host is down.</summary>
    EHOSTDOWN = 112,

    /// <summary>No route to host.</summary>
    EHOSTUNREACH = 113,

    /// <summary>Operation already in progress (a second <c>connect</c> while one is pending).</summary>
    EALREADY = 114,

    /// <summary>Operation now in progress: a non-blocking <c>connect</c> has started.</summary>
    EINPROGRESS = 115,

    /// <summary>Operation canceled.</summary>
    ECANCELED = 125,
}
