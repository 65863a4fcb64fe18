using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Sessions.Tests.Support;

/// <summary>A listening port in memory: the test makes connections arrive with <see cref="Accept"/>.</summary>
internal sealed class TestPort : IListeningPort
{
    private readonly TestReactor _reactor;
    private readonly IProtocolFactory _factory;
    private int _clients;

    public TestPort(TestReactor reactor, int port, IProtocolFactory factory)
    {
        _reactor = reactor;
        Port = port;
        _factory = factory;
        Listening = true;
    }

    public int Port { get; }

    public bool Listening { get; private set; }

    public MemoryConnection Accept()
    {
        var peer = new IPEndPoint(IPAddress.Loopback, 51000 + _clients++);
        var protocol = _factory.BuildProtocol(peer) ?? throw new InvalidOperationException("The factory refused.");
        var stats = new TransportStats(_reactor, "tcp", TransportState.Connected);
        var connection = new MemoryConnection(_reactor, stats, new IPEndPoint(IPAddress.Loopback, Port), peer);
        connection.Start(protocol);
        return connection;
    }

    public void StartListening() => Listening = true;

    public Deferred StopListening()
    {
        Listening = false;
        return Deferred.Succeed<object?>(null);
    }

    public EndPoint GetHost() => new IPEndPoint(IPAddress.Loopback, Port);
}
