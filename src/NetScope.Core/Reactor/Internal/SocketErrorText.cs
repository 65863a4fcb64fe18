using System.Net.Sockets;

namespace NetScope.Core.Reactor.Internal;

/// <summary>Short lower-case descriptions of socket errors, for one-line messages.</summary>
internal static class SocketErrorText
{
    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset by peer",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.Shutdown => "broken pipe (peer closed the connection)",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable => "network unreachable",
        SocketError.HostUnreachable => "no route to host",
        SocketError.NetworkDown => "network is down",
        SocketError.AddressAlreadyInUse => "address already in use",
        SocketError.AddressNotAvailable => "address not available on this host",
        SocketError.AccessDenied => "permission denied (ports below 1024 need privileges)",
        SocketError.TooManyOpenSockets => "too many open files",
        SocketError.NoBufferSpaceAvailable => "no buffer space available",
        SocketError.HostNotFound => "host not found",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        SocketError.InvalidArgument => "invalid argument",
        _ => error.ToString(),
    };
}
