using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Sessions.Tests.Support;

/// <summary>An outgoing connection the test moves by hand: resolve, then connect or fail (as TcpConnector reports them).</summary>
internal sealed class TestConnector : IConnector
{
    private readonly TestReactor _reactor;
    private readonly string _host;
    private readonly int _port;
    private readonly ClientFactory _factory;

    public TestConnector(TestReactor reactor, string host, int port, ClientFactory factory)
    {
        _reactor = reactor;
        _host = host;
        _port = port;
        _factory = factory;
    }

    public TransportStats Stats { get; private set; } = null!;

    public MemoryConnection? Connection { get; private set; }

    public bool Finished { get; private set; }

    public void Connect()
    {
        Stats = new TransportStats(_reactor, "tcp", IPAddress.TryParse(_host, out _) ? TransportState.Connecting : TransportState.Resolving);
        _factory.StartedConnecting(this);
    }

    public void Resolve() => Stats.Transition(TransportState.Connecting);

    public MemoryConnection Accept()
    {
        Finished = true;
        var protocol = _factory.BuildProtocol(GetDestination()) ?? throw new InvalidOperationException("The factory refused.");
        Connection = new MemoryConnection(_reactor, Stats, new IPEndPoint(IPAddress.Loopback, 50000), new IPEndPoint(IPAddress.Loopback, _port));
        Connection.Start(protocol);
        return Connection;
    }

    public void Fail(Exception reason)
    {
        Finished = true;
        Stats.Transition(TransportState.Failed, reason.Message);
        _factory.ClientConnectionFailed(this, new Failure(reason));
    }

    public void StopConnecting()
    {
        if (!Finished)
        {
            Fail(new ConnectingCancelledException($"connect {_host}:{_port}: cancelled"));
        }
    }

    public void Disconnect()
    {
        if (Connection is { } connection)
        {
            connection.LoseConnection();
        }
        else
        {
            StopConnecting();
        }
    }

    public EndPoint GetDestination() =>
        IPAddress.TryParse(_host, out var address) ? new IPEndPoint(address, _port) : new DnsEndPoint(_host, _port);
}
