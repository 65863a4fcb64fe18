using System.Net;
using System.Net.Sockets;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor.Internal;
using NetScope.Core.Time;

namespace NetScope.Core.Transports.Tcp;

/// <summary>
/// An outgoing TCP connection (Twisted's <c>tcp.Connector</c> and <c>tcp.Client</c>): resolves
/// the host, tries its addresses in order until one answers, within one overall timeout, then
/// hands the socket to a <see cref="TcpConnection"/>.
/// </summary>
internal sealed class TcpConnector : IConnector
{
    private readonly ReactorBase _reactor;
    private readonly string _host;
    private readonly int _port;
    private readonly ClientFactory _factory;
    private readonly double _timeout;
    private readonly IPEndPoint? _bindAddress;
    private Attempt? _attempt;
    private TcpConnection? _connection;
    private IDelayedCall? _timer;
    private Deferred<IPAddress[]>? _resolving;
    private bool _factoryStarted;

    public TcpConnector(ReactorBase reactor, string host, int port, ClientFactory factory, double timeoutSeconds, IPEndPoint? bindAddress)
    {
        _reactor = reactor;
        _host = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        _port = port;
        _factory = factory;
        _timeout = timeoutSeconds;
        _bindAddress = bindAddress;
    }

    /// <summary>The live record of the current attempt and connection.</summary>
    public TransportStats? Stats { get; private set; }

    private string Destination => HostPort.Format(_host, _port);

    /// <inheritdoc/>
    public EndPoint GetDestination() =>
        IPAddress.TryParse(_host, out var address) ? new IPEndPoint(address, _port) : new DnsEndPoint(_host, _port);

    /// <inheritdoc/>
    public void Connect()
    {
        if (_attempt is not null || _resolving is not null || _connection is not null)
        {
            throw new InvalidOperationException($"Already connecting or connected to {Destination}.");
        }

        if (!_factoryStarted)
        {
            _factory.DoStart();
            _factoryStarted = true;
        }

        var literal = IPAddress.TryParse(_host, out _);
        Stats = new TransportStats(_reactor, "tcp", literal ? TransportState.Connecting : TransportState.Resolving);
        _reactor.TrackConnector(this, active: true);
        _factory.StartedConnecting(this);
        if (_timeout > 0)
        {
            _timer = _reactor.CallLater(_timeout, () => Fail(new ConnectTimeoutException($"connect {Destination}: timed out after {_timeout:0.###}s")));
        }

        var resolving = _resolving = _reactor.Resolve(_host);
        resolving.AddCallbacks(
            addresses =>
            {
                if (ReferenceEquals(_resolving, resolving))
                {
                    _resolving = null;
                    Stats!.Transition(TransportState.Connecting);
                    TryAddresses((IPAddress[])addresses!, 0, firstError: null);
                }

                return null;
            },
            failure =>
            {
                if (ReferenceEquals(_resolving, resolving))
                {
                    _resolving = null;
                    Fail(failure.Value is HostNotFoundException ? new HostNotFoundException($"connect {Destination}: host not found") : failure.Value);
                }

                return null;
            });
    }

    /// <inheritdoc/>
    public void StopConnecting()
    {
        if (_attempt is not null || _resolving is not null)
        {
            Fail(new ConnectingCancelledException($"connect {Destination}: cancelled"));
        }
    }

    /// <inheritdoc/>
    public void Disconnect()
    {
        if (_connection is not null)
        {
            _connection.LoseConnection();
        }
        else
        {
            StopConnecting();
        }
    }

    /// <summary>The connection made by this connector ended.</summary>
    internal void ConnectionLost(Failure reason)
    {
        _connection = null;
        _factory.ClientConnectionLost(this, reason);
        StopFactoryIfIdle();
    }

    private void TryAddresses(IPAddress[] addresses, int index, Exception? firstError)
    {
        if (index >= addresses.Length)
        {
            Fail(firstError ?? new ConnectException($"connect {Destination}: no usable address"));
            return;
        }

        var remote = new IPEndPoint(addresses[index], _port);
        var socket = _reactor.CreateTcpSocket(remote.AddressFamily, out var error);
        if (error == SocketError.Success && _bindAddress is not null)
        {
            error = socket.Bind(_bindAddress);
        }

        if (error == SocketError.Success)
        {
            error = socket.BeginConnect(remote);
        }

        if (error == SocketError.Success)
        {
            Connected(socket);
            return;
        }

        if (error is SocketError.InProgress or SocketError.WouldBlock)
        {
            _attempt = new Attempt(this, socket, addresses, index);
            _reactor.Register(_attempt, read: false, write: true);
            return;
        }

        socket.Close(abortive: false);
        TryAddresses(addresses, index + 1, firstError ?? ConnectFailure(error));
    }

    private void AttemptFinished(Attempt attempt)
    {
        if (!ReferenceEquals(_attempt, attempt))
        {
            return;
        }

        _attempt = null;
        _reactor.Unregister(attempt);
        var error = attempt.Socket.GetPendingError();
        if (error == SocketError.Success)
        {
            Connected(attempt.Socket);
            return;
        }

        attempt.Socket.Close(abortive: false);
        TryAddresses(attempt.Addresses, attempt.Index + 1, ConnectFailure(error));
    }

    private void Connected(ReactorSocket socket)
    {
        CancelTimer();
        _reactor.TrackConnector(this, active: false);
        socket.NoDelay = true;
        var remote = socket.RemoteEndPoint ?? GetDestination();
        IProtocol? protocol;
        try
        {
            protocol = _factory.BuildProtocol(remote);
        }
        catch (Exception exception)
        {
            socket.Close(abortive: true);
            Fail(exception);
            return;
        }

        if (protocol is null)
        {
            socket.Close(abortive: false);
            Fail(new ConnectException($"connect {Destination}: the factory refused to build a protocol"));
            return;
        }

        _connection = new TcpConnection(_reactor, socket, Stats!, this);
        _connection.Start(protocol);
    }

    private void Fail(Exception reason)
    {
        CancelTimer();
        _resolving = null;
        if (_attempt is { } attempt)
        {
            _attempt = null;
            _reactor.Unregister(attempt);
            attempt.Socket.Close(abortive: false);
        }

        _reactor.TrackConnector(this, active: false);
        Stats?.Transition(TransportState.Failed, reason.Message);
        _factory.ClientConnectionFailed(this, new Failure(reason));
        StopFactoryIfIdle();
    }

    private void StopFactoryIfIdle()
    {
        if (_factoryStarted && _attempt is null && _resolving is null && _connection is null)
        {
            _factoryStarted = false;
            _factory.DoStop();
        }
    }

    private void CancelTimer()
    {
        if (_timer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        _timer = null;
    }

    private Exception ConnectFailure(SocketError error)
    {
        var message = $"connect {Destination}: {SocketErrorText.Describe(error)}";
        return error switch
        {
            SocketError.ConnectionRefused => new ConnectionRefusedException(message),
            SocketError.TimedOut => new ConnectTimeoutException(message),
            SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => new NetworkUnreachableException(message),
            _ => new ConnectException(message),
        };
    }

    /// <summary>One non-blocking connect in progress, watched for writability.</summary>
    private sealed class Attempt : Selectable
    {
        private readonly TcpConnector _owner;

        public Attempt(TcpConnector owner, ReactorSocket socket, IPAddress[] addresses, int index)
        {
            _owner = owner;
            Socket = socket;
            Addresses = addresses;
            Index = index;
        }

        public override ReactorSocket Socket { get; }

        public IPAddress[] Addresses { get; }

        public int Index { get; }

        public override void OnReadable() => _owner.AttemptFinished(this);

        public override void OnWritable() => _owner.AttemptFinished(this);

        public override void OnCallbackFailed(Exception exception) => _owner.Fail(exception);

        public override string Describe() => $"TCP connect to {_owner.Destination}";
    }
}
