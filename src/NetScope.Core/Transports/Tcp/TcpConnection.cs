using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Transports.Tcp;

/// <summary>
/// A TCP connection on a reactor (Twisted's <c>tcp.Connection</c> with <c>abstract.FileDescriptor</c>'s
/// buffering): reads deliver straight from the reactor's buffer to the protocol; writes go to
/// the kernel at once and are buffered only for what it does not take, with EPOLLOUT (or its
/// portable equivalent) watched only while something is buffered.
/// </summary>
internal sealed partial class TcpConnection : Selectable, ITcpTransport
{
    private readonly ReactorBase _reactor;
    private readonly ReactorSocket _socket;
    private readonly TcpConnector? _connector;
    private IProtocol _protocol = null!;

    public TcpConnection(ReactorBase reactor, ReactorSocket socket, TransportStats stats, TcpConnector? connector)
    {
        _reactor = reactor;
        _socket = socket;
        _connector = connector;
        Stats = stats;
        stats.Local = socket.LocalEndPoint;
        stats.Remote = socket.RemoteEndPoint;
        stats.HighWaterMark = reactor.Options.WriteHighWaterMark;
        stats.LowWaterMark = reactor.Options.WriteLowWaterMark;
    }

    /// <inheritdoc/>
    public override ReactorSocket Socket => _socket;

    /// <inheritdoc/>
    public TransportStats Stats { get; }

    /// <summary>The protocol on this connection.</summary>
    public IProtocol Protocol => _protocol;

    /// <inheritdoc/>
    public bool NoDelay
    {
        get => _socket.NoDelay;
        set => _socket.NoDelay = value;
    }

    /// <inheritdoc/>
    public bool KeepAlive
    {
        get => _socket.KeepAlive;
        set => _socket.KeepAlive = value;
    }

    /// <summary>Attaches <paramref name="protocol"/>, starts reading and tells the protocol it is connected.</summary>
    public void Start(IProtocol protocol)
    {
        _protocol = protocol;
        _reactor.TrackConnection(this);
        _reactor.Register(this, read: true, write: false);
        Stats.Transition(TransportState.Connected);
        Stats.Transition(TransportState.Established);
        try
        {
            protocol.MakeConnection(this);
        }
        catch (Exception exception)
        {
            FailFromProtocol(exception);
        }
    }

    /// <inheritdoc/>
    public EndPoint GetPeer() => _socket.RemoteEndPoint ?? new IPEndPoint(IPAddress.None, 0);

    /// <inheritdoc/>
    public EndPoint GetHost() => _socket.LocalEndPoint ?? new IPEndPoint(IPAddress.None, 0);

    /// <inheritdoc/>
    public TcpKernelInfo? GetKernelInfo() => _disconnected ? null : _socket.GetKernelInfo();

    /// <inheritdoc/>
    public override string Describe() => $"TCP connection {HostPort.Format(_socket.LocalEndPoint)} <-> {HostPort.Format(_socket.RemoteEndPoint)} ({_protocol?.GetType().Name})";

    /// <inheritdoc/>
    public override void OnCallbackFailed(Exception exception) => FailFromProtocol(exception);

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private void SetInterest(bool read, bool write)
    {
        if (!_disconnected && (read != WatchRead || write != WatchWrite))
        {
            _reactor.UpdateInterest(this, read, write);
        }
    }
}
