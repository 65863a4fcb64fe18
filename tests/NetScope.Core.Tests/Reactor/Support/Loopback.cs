using System.Net;
using System.Net.Sockets;
using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>Plain sockets on loopback, for peers that must behave in ways a protocol would not.</summary>
internal static class Loopback
{
    public static int PortOf(IListeningPort port) => ((IPEndPoint)port.GetHost()).Port;

    /// <summary>
    /// A socket bound to a port the kernel picks, never listening: a connect to that port is
    /// refused, and nobody else can take the port while the caller holds the socket.
    /// </summary>
    public static (Socket Socket, int Port) ClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (socket, ((IPEndPoint)socket.LocalEndPoint!).Port);
    }

    /// <summary>
    /// A blocking connect to a listening port on loopback. It completes in the kernel without
    /// the listener accepting, so it is safe to call from the reactor thread.
    /// </summary>
    public static Socket Connect(int port, IPAddress? address = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(new IPEndPoint(address ?? IPAddress.Loopback, port));
        return socket;
    }

    /// <summary>How a blocking connect to <paramref name="port"/> ends: <see cref="SocketError.Success"/> or the error.</summary>
    public static SocketError TryConnect(int port)
    {
        try
        {
            Connect(port).Dispose();
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }
}
