using System.Net;
using System.Net.Sockets;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// A listening socket that never accepts, with its accept queue full: Linux completes
/// backlog + 1 handshakes for a listener and then drops further SYNs, so a connection
/// attempt to it stays pending (SYN_SENT) until the client gives up. This is how a test
/// gets a connect that hangs without leaving loopback.
/// </summary>
internal sealed class FullBacklogListener : IDisposable
{
    private readonly Socket _listener;
    private readonly Socket _filler;

    public FullBacklogListener()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;

        // Backlog 0 admits exactly one completed handshake; this one takes it.
        _filler = Loopback.Connect(Port);
    }

    public int Port { get; }

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
