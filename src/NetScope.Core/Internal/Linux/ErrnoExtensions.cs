using System.Globalization;
using System.Net.Sockets;

namespace NetScope.Core.Internal.Linux;

/// <summary>Turns an <see cref="Errno"/> into what the layers above show or throw.</summary>
internal static class ErrnoExtensions
{
    /// <summary>
    /// The <see cref="SocketError"/> .NET reports for this errno, so that both reactors fail with
    /// the same codes; <see cref="SocketError.SocketError"/> when there is no counterpart.
    /// </summary>
    /// <param name="errno">The errno to map.</param>
    public static SocketError ToSocketError(this Errno errno) => errno switch
    {
        Errno.None => SocketError.Success,
        Errno.EAGAIN => SocketError.WouldBlock,
        Errno.EINTR => SocketError.Interrupted,
        Errno.EINPROGRESS => SocketError.InProgress,
        Errno.EALREADY => SocketError.AlreadyInProgress,
        Errno.ECONNREFUSED => SocketError.ConnectionRefused,
        Errno.ECONNRESET => SocketError.ConnectionReset,
        Errno.ECONNABORTED => SocketError.ConnectionAborted,
        Errno.EPIPE => SocketError.Shutdown,
        Errno.ESHUTDOWN => SocketError.Disconnecting,
        Errno.ETIMEDOUT => SocketError.TimedOut,
        Errno.ENETUNREACH => SocketError.NetworkUnreachable,
        Errno.ENETDOWN => SocketError.NetworkDown,
        Errno.ENETRESET => SocketError.NetworkReset,
        Errno.EHOSTUNREACH => SocketError.HostUnreachable,
        Errno.EHOSTDOWN => SocketError.HostDown,
        Errno.ENXIO => SocketError.HostNotFound,
        Errno.EADDRINUSE => SocketError.AddressAlreadyInUse,
        Errno.EADDRNOTAVAIL or Errno.ENOENT => SocketError.AddressNotAvailable,
        Errno.EAFNOSUPPORT => SocketError.AddressFamilyNotSupported,
        Errno.EACCES or Errno.EPERM => SocketError.AccessDenied,
        Errno.EMFILE or Errno.ENFILE => SocketError.TooManyOpenSockets,
        Errno.ENOBUFS => SocketError.NoBufferSpaceAvailable,
        Errno.EISCONN => SocketError.IsConnected,
        Errno.ENOTCONN => SocketError.NotConnected,
        Errno.ENOTSOCK => SocketError.NotSocket,
        Errno.EBADF or Errno.ECANCELED => SocketError.OperationAborted,
        Errno.EINVAL => SocketError.InvalidArgument,
        Errno.EFAULT => SocketError.Fault,
        Errno.EMSGSIZE => SocketError.MessageSize,
        Errno.EDESTADDRREQ => SocketError.DestinationAddressRequired,
        Errno.ENODATA => SocketError.NoData,
        Errno.ENOPROTOOPT => SocketError.ProtocolOption,
        Errno.EOPNOTSUPP => SocketError.OperationNotSupported,
        Errno.EPFNOSUPPORT => SocketError.ProtocolFamilyNotSupported,
        Errno.EPROTONOSUPPORT => SocketError.ProtocolNotSupported,
        Errno.EPROTOTYPE => SocketError.ProtocolType,
        Errno.ESOCKTNOSUPPORT => SocketError.SocketNotSupported,
        _ => SocketError.SocketError,
    };

    /// <summary>
    /// A short lower-case message for one-line error output ("connection refused"): the C
    /// library's <c>strerror</c> text, lower-cased. Known values return a constant string.
    /// </summary>
    /// <param name="errno">The errno to describe.</param>
    public static string ToMessage(this Errno errno) => errno switch
    {
        Errno.None => "success",
        Errno.EPERM => "operation not permitted",
        Errno.ENOENT => "no such file or directory",
        Errno.EINTR => "interrupted system call",
        Errno.EIO => "input/output error",
        Errno.ENXIO => "no such device or address",
        Errno.EBADF => "bad file descriptor",
        Errno.EAGAIN => "resource temporarily unavailable",
        Errno.ENOMEM => "cannot allocate memory",
        Errno.EACCES => "permission denied",
        Errno.EFAULT => "bad address",
        Errno.EBUSY => "device or resource busy",
        Errno.EEXIST => "file exists",
        Errno.EINVAL => "invalid argument",
        Errno.ENFILE => "too many open files in system",
        Errno.EMFILE => "too many open files",
        Errno.ENOSPC => "no space left on device",
        Errno.EPIPE => "broken pipe",
        Errno.ERANGE => "numerical result out of range",
        Errno.ENOSYS => "function not implemented",
        Errno.ENODATA => "no data available",
        Errno.EPROTO => "protocol error",
        Errno.EOVERFLOW => "value too large for defined data type",
        Errno.ENOTSOCK => "socket operation on non-socket",
        Errno.EDESTADDRREQ => "destination address required",
        Errno.EMSGSIZE => "message too long",
        Errno.EPROTOTYPE => "protocol wrong type for socket",
        Errno.ENOPROTOOPT => "protocol not available",
        Errno.EPROTONOSUPPORT => "protocol not supported",
        Errno.ESOCKTNOSUPPORT => "socket type not supported",
        Errno.EOPNOTSUPP => "operation not supported",
        Errno.EPFNOSUPPORT => "protocol family not supported",
        Errno.EAFNOSUPPORT => "address family not supported by protocol",
        Errno.EADDRINUSE => "address already in use",
        Errno.EADDRNOTAVAIL => "cannot assign requested address",
        Errno.ENETDOWN => "network is down",
        Errno.ENETUNREACH => "network is unreachable",
        Errno.ENETRESET => "network dropped connection on reset",
        Errno.ECONNABORTED => "software caused connection abort",
        Errno.ECONNRESET => "connection reset by peer",
        Errno.ENOBUFS => "no buffer space available",
        Errno.EISCONN => "transport endpoint is already connected",
        Errno.ENOTCONN => "transport endpoint is not connected",
        Errno.ESHUTDOWN => "cannot send after transport endpoint shutdown",
        Errno.ETIMEDOUT => "connection timed out",
        Errno.ECONNREFUSED => "connection refused",
        Errno.EHOSTDOWN => "host is down",
        Errno.EHOSTUNREACH => "no route to host",
        Errno.EALREADY => "operation already in progress",
        Errno.EINPROGRESS => "operation now in progress",
        Errno.ECANCELED => "operation canceled",
        _ => string.Create(CultureInfo.InvariantCulture, $"unknown error {(int)errno}"),
    };

    /// <summary>
    /// An exception for a call that must not fail (creating the epoll instance, a wait on a valid
    /// descriptor), with the call, the message and the errno name: "epoll_create1: too many open
    /// files (EMFILE)". Not for the hot path.
    /// </summary>
    /// <param name="errno">Why the call failed.</param>
    /// <param name="call">The C function that failed.</param>
    public static IOException ToException(this Errno errno, string call) =>
        new($"{call}: {errno.ToMessage()} ({errno})", (int)errno);
}
