using System.Net;
using System.Net.Sockets;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Transports.Tcp;

/// <summary>A listening TCP socket on a reactor (Twisted's <c>tcp.Port</c>).</summary>
internal sealed class TcpListeningPort : Selectable, IListeningPort
{
    /// <summary>Accept at most this many connections per readiness event, so one busy port cannot starve the rest.</summary>
    private const int AcceptsPerEvent = 64;

    private readonly ReactorBase _reactor;
    private readonly IPEndPoint _requested;
    private readonly IProtocolFactory _factory;
    private readonly int _backlog;
    private ReactorSocket? _socket;
    private EndPoint? _bound;

    public TcpListeningPort(ReactorBase reactor, IPEndPoint requested, IProtocolFactory factory, int backlog)
    {
        _reactor = reactor;
        _requested = requested;
        _factory = factory;
        _backlog = backlog;
    }

    /// <inheritdoc/>
    public override ReactorSocket Socket => _socket ?? throw new InvalidOperationException("The port is not listening.");

    /// <summary>The factory building protocols for accepted connections.</summary>
    public IProtocolFactory Factory => _factory;

    /// <inheritdoc/>
    public void StartListening()
    {
        if (_socket is not null)
        {
            return;
        }

        // After StopListening, listen again on the port we had, not on a new random one.
        var endpoint = _bound is IPEndPoint previous ? previous : _requested;
        var socket = _reactor.CreateListener(endpoint, _backlog, out var error)
            ?? throw ReactorBase.ListenFailure(endpoint, error);
        _socket = socket;
        _bound = socket.LocalEndPoint;
        _factory.DoStart();
        _reactor.Register(this, read: true, write: false);
        _reactor.TrackPort(this, listening: true);
    }

    /// <inheritdoc/>
    public Deferred StopListening()
    {
        var socket = _socket;
        if (socket is null)
        {
            return Deferred.Succeed<object?>(null);
        }

        // Unregister while the socket is still ours: the reactor reads it to find the registration.
        _reactor.Unregister(this);
        _socket = null;
        socket.Close(abortive: false);
        _reactor.TrackPort(this, listening: false);
        _factory.DoStop();
        return Deferred.Succeed<object?>(null);
    }

    /// <inheritdoc/>
    public EndPoint GetHost() => _bound ?? _requested;

    /// <inheritdoc/>
    public override void OnReadable()
    {
        for (var i = 0; i < AcceptsPerEvent && _socket is not null; i++)
        {
            var client = _socket.Accept(out var error);
            if (client is null)
            {
                if (error is SocketError.WouldBlock or SocketError.Interrupted)
                {
                    return;
                }

                if (error is SocketError.ConnectionAborted or SocketError.ConnectionReset)
                {
                    // The client gave up while queued: nothing to do for it.
                    continue;
                }

                // Out of descriptors or buffers: say so and try again at the next event.
                ReactorLog.AcceptFailed(_reactor.Logger, HostPort.Format(_bound), SocketErrorText.Describe(error));
                return;
            }

            Accept(client);
        }
    }

    /// <inheritdoc/>
    public override void OnWritable()
    {
    }

    /// <inheritdoc/>
    public override void OnCallbackFailed(Exception exception)
    {
        // A factory that throws must not take the port down: the failing connection was already dropped.
    }

    /// <inheritdoc/>
    public override string Describe() => $"TCP port {HostPort.Format(GetHost())}";

    private void Accept(ReactorSocket client)
    {
        client.NoDelay = true;
        var remote = client.RemoteEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        IProtocol? protocol;
        try
        {
            protocol = _factory.BuildProtocol(remote);
        }
        catch (Exception exception)
        {
            ReactorLog.ProtocolFailed(_reactor.Logger, exception, _factory.GetType().Name);
            client.Close(abortive: true);
            return;
        }

        if (protocol is null)
        {
            client.Close(abortive: false);
            return;
        }

        var stats = new TransportStats(_reactor, "tcp", TransportState.Connected);
        new TcpConnection(_reactor, client, stats, connector: null).Start(protocol);
    }
}
