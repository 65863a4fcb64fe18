using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Transports.Tcp;

namespace NetScope.Core.Reactor.Internal;

/// <content>TCP listening and connecting.</content>
internal abstract partial class ReactorBase
{
    private readonly HashSet<TcpListeningPort> _ports = new();
    private readonly HashSet<TcpConnection> _connections = new();
    private readonly HashSet<TcpConnector> _connectors = new();
    private ReadOnlyMemory<byte>[]? _vectorScratch;

    /// <summary>Scratch space for building one vectored write (the reactor is single-threaded).</summary>
    internal ReadOnlyMemory<byte>[] VectorScratch => _vectorScratch ??= new ReadOnlyMemory<byte>[64];

    /// <summary>Connections currently open.</summary>
    internal int ConnectionCount => _connections.Count;

    /// <inheritdoc/>
    public IListeningPort ListenTcp(int port, IProtocolFactory factory, int backlog = 511, string bindAddress = "")
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is between 0 and 65535.");
        }

        var address = ParseBindAddress(bindAddress);
        var listening = new TcpListeningPort(this, new IPEndPoint(address, port), factory, backlog);
        listening.StartListening();
        return listening;
    }

    /// <inheritdoc/>
    public IConnector ConnectTcp(string host, int port, ClientFactory factory, double timeoutSeconds = 30, IPEndPoint? bindAddress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(factory);
        if (port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port to connect to is between 1 and 65535.");
        }

        var connector = new TcpConnector(this, host, port, factory, timeoutSeconds, bindAddress);
        connector.Connect();
        return connector;
    }

    internal void TrackPort(TcpListeningPort port, bool listening)
    {
        if (listening)
        {
            _ports.Add(port);
        }
        else
        {
            _ports.Remove(port);
        }
    }

    internal void TrackConnector(TcpConnector connector, bool active)
    {
        if (active)
        {
            _connectors.Add(connector);
        }
        else
        {
            _connectors.Remove(connector);
        }
    }

    internal void TrackConnection(TcpConnection connection) => _connections.Add(connection);

    internal void ConnectionClosed(TcpConnection connection)
    {
        _connections.Remove(connection);
        if (_connections.Count == 0)
        {
            _allConnectionsClosed?.Callback(null);
            _allConnectionsClosed = null;
        }
    }

    private static IPAddress ParseBindAddress(string bindAddress)
    {
        if (string.IsNullOrEmpty(bindAddress))
        {
            return IPAddress.Any;
        }

        var literal = bindAddress.StartsWith('[') && bindAddress.EndsWith(']') ? bindAddress[1..^1] : bindAddress;
        if (!IPAddress.TryParse(literal, out var address))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{bindAddress}' is not an IP address to listen on."), nameof(bindAddress));
        }

        return address;
    }

    /// <summary>The one-line reason a listen failed, and the exception carrying it.</summary>
    internal static CannotListenException ListenFailure(IPEndPoint endpoint, SocketError error) =>
        new(HostPort.Format(endpoint), error, SocketErrorText.Describe(error));
}
