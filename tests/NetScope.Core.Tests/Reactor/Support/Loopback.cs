using System.Net;
using System.Net.Sockets;
using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>Plain sockets on loopback, for peers that must behave in ways a protocol would not.</summary>
internal static class Loopback
{
    public static int PortOf(IListeningPort port) => ((IPEndPoint)port.GetHost()).Port;

    /// <summary>A port nothing listens on: bound once to let the kernel pick it, then released.</summary>
    public static int UnusedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
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
