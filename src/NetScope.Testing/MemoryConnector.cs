using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Testing;

/// <summary>
/// The connector <see cref="MemoryReactor.ConnectTcp"/> returns. Nothing happens by itself:
/// the test decides how each attempt ends with <see cref="Complete"/> or <see cref="Fail"/>, and
/// ends an established connection with <see cref="Lose"/>. The factory hears what a real
/// connector would tell it, in the same order: <c>DoStart</c> and <c>StartedConnecting</c> when
/// an attempt starts, then <c>BuildProtocol</c>, or <c>ClientConnectionFailed</c>, or later
/// <c>ClientConnectionLost</c>, then <c>DoStop</c> unless the factory connected again from its
/// callback.
/// </summary>
public sealed class MemoryConnector : IConnector
{
    private readonly EndPoint _destination;
    private readonly EndPoint _localAddress;
    private bool _factoryStarted;

    internal MemoryConnector(string host, int port, ClientFactory factory, double timeoutSeconds, IPEndPoint? bindAddress, EndPoint localAddress)
    {
        Host = host;
        Port = port;
        Factory = factory;
        TimeoutSeconds = timeoutSeconds;
        BindAddress = bindAddress;
        _localAddress = localAddress;
        _destination = IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
    }

    /// <summary>The host to connect to, as given.</summary>
    public string Host { get; }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <summary>The factory told about each attempt.</summary>
    public ClientFactory Factory { get; }

    /// <summary>The timeout the caller asked for (a test plays it with <see cref="Fail"/> and a <see cref="ConnectTimeoutException"/>).</summary>
    public double TimeoutSeconds { get; }

    /// <summary>The local address asked for, if any.</summary>
    public IPEndPoint? BindAddress { get; }

    /// <summary>Where the connector stands.</summary>
    public MemoryConnectorState State { get; private set; }

    /// <summary>How many attempts have started (the first, and each <see cref="Connect"/> after it).</summary>
    public int Attempts { get; private set; }

    /// <summary><see langword="true"/> once <see cref="StopConnecting"/> has stopped an attempt.</summary>
    public bool StoppedConnecting { get; private set; }

    /// <summary><see langword="true"/> once <see cref="Disconnect"/> has been called.</summary>
    public bool DisconnectRequested { get; private set; }

    /// <summary>The protocol of the current connection, if connected.</summary>
    public IProtocol? Protocol { get; private set; }

    /// <summary>The transport of the current connection, if connected.</summary>
    public ITransport? Transport { get; private set; }

    /// <summary>Starts a new attempt.</summary>
    /// <exception cref="InvalidOperationException">An attempt is in progress or the connector is connected.</exception>
    public void Connect()
    {
        if (State != MemoryConnectorState.Disconnected)
        {
            throw new InvalidOperationException($"Cannot connect while {State}.");
        }

        State = MemoryConnectorState.Connecting;
        Attempts++;
        if (!_factoryStarted)
        {
            _factoryStarted = true;
            Factory.DoStart();
        }

        Factory.StartedConnecting(this);
    }

    /// <summary>
    /// Gives up the attempt in progress: the factory's <c>ClientConnectionFailed</c> gets a
    /// <see cref="ConnectingCancelledException"/>. Does nothing when no attempt is in progress
    /// (as the real connector).
    /// </summary>
    public void StopConnecting()
    {
        if (State != MemoryConnectorState.Connecting)
        {
            return;
        }

        StoppedConnecting = true;
        Fail(new ConnectingCancelledException($"connect {_destination}: cancelled"));
    }

    /// <summary>Asks the transport of an established connection to close (finish it with <see cref="Lose"/>), or stops connecting.</summary>
    public void Disconnect()
    {
        DisconnectRequested = true;
        if (State == MemoryConnectorState.Connected)
        {
            Transport!.LoseConnection();
        }
        else
        {
            StopConnecting();
        }
    }

    /// <inheritdoc/>
    public EndPoint GetDestination() => _destination;

    /// <summary>
    /// Completes the attempt: the factory builds a protocol for the destination and it is
    /// connected to <paramref name="transport"/> (a new <see cref="StringTransport"/> if
    /// omitted). As with the real connector, a factory that refuses (returns
    /// <see langword="null"/>) or throws fails the attempt instead: its
    /// <c>ClientConnectionFailed</c> gets a <see cref="ConnectException"/> or the exception.
    /// </summary>
    /// <returns>The connected protocol, or <see langword="null"/> if the attempt failed.</returns>
    /// <exception cref="InvalidOperationException">No attempt is in progress.</exception>
    public IProtocol? Complete(ITransport? transport = null)
    {
        if (State != MemoryConnectorState.Connecting)
        {
            throw new InvalidOperationException("The connector is not connecting.");
        }

        IProtocol? protocol;
        try
        {
            protocol = Factory.BuildProtocol(_destination);
        }
        catch (Exception exception)
        {
            Fail(exception);
            return null;
        }

        if (protocol is null)
        {
            Fail(new ConnectException($"connect {_destination}: the factory refused to build a protocol"));
            return null;
        }

        State = MemoryConnectorState.Connected;
        Protocol = protocol;
        Transport = transport ?? new StringTransport(_localAddress, _destination);
        protocol.MakeConnection(Transport);
        return protocol;
    }

    /// <summary>Fails the attempt with <paramref name="reason"/> (a <see cref="ConnectionRefusedException"/>, a <see cref="ConnectTimeoutException"/>, ...).</summary>
    /// <exception cref="InvalidOperationException">No attempt is in progress.</exception>
    public void Fail(Exception reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State != MemoryConnectorState.Connecting)
        {
            throw new InvalidOperationException("The connector is not connecting.");
        }

        State = MemoryConnectorState.Disconnected;
        Factory.ClientConnectionFailed(this, new Failure(reason));
        StopFactoryIfIdle();
    }

    /// <summary>
    /// Ends the established connection: the protocol's <c>ConnectionLost</c> and then the
    /// factory's <c>ClientConnectionLost</c> get <paramref name="reason"/> (a
    /// <see cref="ConnectionDoneException"/> if omitted).
    /// </summary>
    /// <exception cref="InvalidOperationException">The connector is not connected.</exception>
    public void Lose(Exception? reason = null)
    {
        if (State != MemoryConnectorState.Connected)
        {
            throw new InvalidOperationException("The connector is not connected.");
        }

        var failure = new Failure(reason ?? new ConnectionDoneException());
        var protocol = Protocol!;
        State = MemoryConnectorState.Disconnected;
        Protocol = null;
        Transport = null;
        protocol.ConnectionLost(failure);
        Factory.ClientConnectionLost(this, failure);
        StopFactoryIfIdle();
    }

    /// <summary>Twisted's rule: <c>DoStop</c> only if the factory did not start a new attempt from its callback.</summary>
    private void StopFactoryIfIdle()
    {
        if (State == MemoryConnectorState.Disconnected && _factoryStarted)
        {
            _factoryStarted = false;
            Factory.DoStop();
        }
    }
}
