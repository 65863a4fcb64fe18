using System.Net;
using System.Net.Sockets;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// A loopback port bound but not listening: a connect to it is refused (the kernel answers the
/// SYN with a reset), and nobody else can take the port while this is held.
/// </summary>
internal sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
