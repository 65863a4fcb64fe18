using System.Net;
using NetScope.Core.Protocols;

namespace NetScope.Testing;

/// <content>TCP: calls are recorded and played by hand.</content>
public sealed partial class MemoryReactor
{
    /// <summary>The first port handed out for a listen on port 0 or a client's local address.</summary>
    private const int FirstEphemeralPort = 49152;

    private readonly List<ListenTcpCall> _tcpServers = [];
    private readonly List<ConnectTcpCall> _tcpClients = [];
    private int _nextEphemeralPort = FirstEphemeralPort;

    /// <summary>Every <see cref="ListenTcp"/> call, oldest first.</summary>
    public IReadOnlyList<ListenTcpCall> TcpServers => _tcpServers;

    /// <summary>Every <see cref="ConnectTcp"/> call, oldest first.</summary>
    public IReadOnlyList<ConnectTcpCall> TcpClients => _tcpClients;

    /// <summary>When set, <see cref="ListenTcp"/> throws it (e.g. a <see cref="Core.Errors.CannotListenException"/>) instead of listening.</summary>
    public Exception? ListenTcpException { get; set; }

    /// <summary>When set, <see cref="ConnectTcp"/> throws it instead of starting an attempt.</summary>
    public Exception? ConnectTcpException { get; set; }

    /// <summary>
    /// Records the call and returns a listening <see cref="MemoryListeningPort"/> (the factory's
    /// <c>DoStart</c> has run). Port 0 gets a made-up port from 49152 up.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bindAddress"/> is not "", "::" or an IP literal.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is out of range.</exception>
    public IListeningPort ListenTcp(int port, IProtocolFactory factory, int backlog = 511, string bindAddress = "")
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(bindAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        IPAddress address;
        if (bindAddress.Length == 0)
        {
            address = IPAddress.Any;
        }
        else if (!IPAddress.TryParse(bindAddress, out address!))
        {
            throw new ArgumentException($"Not an IP address: '{bindAddress}'.", nameof(bindAddress));
        }

        if (ListenTcpException is { } failure)
        {
            throw failure;
        }

        var listeningPort = new MemoryListeningPort(factory, new IPEndPoint(address, port == 0 ? _nextEphemeralPort++ : port));
        _tcpServers.Add(new ListenTcpCall(port, factory, backlog, bindAddress, listeningPort));
        listeningPort.StartListening();
        return listeningPort;
    }

    /// <summary>
    /// Records the call and returns a <see cref="MemoryConnector"/> with its first attempt
    /// started (the factory has heard <c>DoStart</c> and <c>StartedConnecting</c>).
    /// </summary>
    public IConnector ConnectTcp(string host, int port, ClientFactory factory, double timeoutSeconds = 30, IPEndPoint? bindAddress = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(factory);
        if (ConnectTcpException is { } failure)
        {
            throw failure;
        }

        var local = bindAddress ?? new IPEndPoint(IPAddress.Loopback, _nextEphemeralPort++);
        var connector = new MemoryConnector(host, port, factory, timeoutSeconds, bindAddress, local);
        _tcpClients.Add(new ConnectTcpCall(host, port, factory, timeoutSeconds, bindAddress, connector));
        connector.Connect();
        return connector;
    }
}
