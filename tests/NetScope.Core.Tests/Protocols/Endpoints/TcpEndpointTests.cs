using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Endpoints;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Endpoints;

/// <summary>TCP client and server endpoints against MemoryReactor, after Twisted's test_endpoints.</summary>
public class TcpEndpointTests
{
    [Fact]
    public void ListenFiresWithThePortAndPassesItsArguments()
    {
        var reactor = new MemoryReactor();
        var factory = new CountingFactory();
        var endpoint = new TcpServerEndpoint(reactor, 0, backlog: 17, bindAddress: "::");
        var port = DeferredAssert.Succeeded<IListeningPort>(endpoint.Listen(factory));
        var call = Assert.Single(reactor.TcpServers);
        Assert.Equal((0, 17, "::"), (call.Port, call.Backlog, call.BindAddress));
        Assert.Same(call.ListeningPort, port);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Any, 49152), port.GetHost());
        Assert.Equal(1, factory.Starts);
    }

    [Fact]
    public void ListenFailsWithCannotListen()
    {
        var error = new CannotListenException("0.0.0.0:80", System.Net.Sockets.SocketError.AccessDenied, "permission denied");
        var reactor = new MemoryReactor { ListenTcpException = error };
        var listening = new TcpServerEndpoint(reactor, 80).Listen(new CountingFactory());
        Assert.Same(error, DeferredAssert.Failed<CannotListenException>(listening));
    }

    [Fact]
    public void ConnectFiresWithTheUsersProtocolOnceItIsConnected()
    {
        var reactor = new MemoryReactor();
        var protocol = new AccumulatingProtocol();
        var factory = new CountingFactory(() => protocol);
        var bind = new IPEndPoint(IPAddress.Loopback, 6000);
        var endpoint = new TcpClientEndpoint(reactor, "example.test", 7, timeoutSeconds: 5, bindAddress: bind);
        var connected = endpoint.Connect(factory);
        var call = Assert.Single(reactor.TcpClients);
        Assert.Equal(("example.test", 7, 5.0, bind), (call.Host, call.Port, call.TimeoutSeconds, call.BindAddress));
        Assert.Equal(1, factory.Starts);
        Assert.False(connected.Called);

        var transport = new StringTransport();
        var wrapper = call.Connector.Complete(transport)!;
        Assert.Same(protocol, DeferredAssert.Succeeded<IProtocol>(connected));
        Assert.True(protocol.Made);
        Assert.Same(transport, protocol.Transport);

        wrapper.DataReceived(B("through the wrapper"));
        Assert.Equal("through the wrapper", protocol.DataString);
        call.Connector.Lose(new ConnectionResetException());
        Assert.IsType<ConnectionResetException>(protocol.ClosedReason!.Value);
        Assert.Equal(1, factory.Stops);
    }

    public static TheoryData<Exception> ConnectErrors() =>
    [
        new ConnectionRefusedException("connect 192.0.2.1:7: connection refused"),
        new ConnectTimeoutException("connect 192.0.2.1:7: timed out after 30s"),
        new HostNotFoundException("connect nowhere.test:7: host not found"),
        new NetworkUnreachableException("connect 192.0.2.1:7: network unreachable"),
    ];

    [Theory]
    [MemberData(nameof(ConnectErrors))]
    public void ConnectFailsWithTheTypedError(Exception error)
    {
        var reactor = new MemoryReactor();
        var factory = new CountingFactory();
        var connected = new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(factory);
        reactor.TcpClients[0].Connector.Fail(error);
        Assert.True(connected.Called);
        var failure = Assert.IsType<Failure>(connected.Result);
        Assert.Same(error, failure.Value);
        connected.AddErrback(_ => null);
        Assert.Equal((1, 1), (factory.Starts, factory.Stops));
    }

    [Fact]
    public void CancellingStopsConnectingAndFailsWithConnectingCancelled()
    {
        var reactor = new MemoryReactor();
        var connected = new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory());
        var connector = reactor.TcpClients[0].Connector;
        connected.Cancel();
        Assert.True(connector.StoppedConnecting);
        Assert.Equal(MemoryConnectorState.Disconnected, connector.State);
        var error = DeferredAssert.Failed<ConnectingCancelledException>(connected);
        Assert.Contains("192.0.2.1:7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellingAfterTheConnectionChangesNothing()
    {
        var reactor = new MemoryReactor();
        var protocol = new AccumulatingProtocol();
        var connected = new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory(() => protocol));
        reactor.TcpClients[0].Connector.Complete();
        connected.Cancel();
        Assert.Same(protocol, DeferredAssert.Succeeded<IProtocol>(connected));
        Assert.False(protocol.Closed);
    }

    [Fact]
    public void AFactoryThatRefusesOrThrowsFailsTheConnection()
    {
        var reactor = new MemoryReactor();
        var refused = new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory(() => null));
        Assert.Null(reactor.TcpClients[0].Connector.Complete());
        DeferredAssert.Failed<ConnectException>(refused);

        var thrown = new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory(() => throw new FormatException("bad factory")));
        reactor.TcpClients[1].Connector.Complete();
        Assert.Equal("bad factory", DeferredAssert.Failed<FormatException>(thrown).Message);
    }

    [Fact]
    public void AReactorThatThrowsFailsTheDeferredAtOnce()
    {
        var reactor = new MemoryReactor { ConnectTcpException = new ArgumentOutOfRangeException("port") };
        var connected = new TcpClientEndpoint(reactor, "192.0.2.1", 70000).Connect(new CountingFactory());
        DeferredAssert.Failed<ArgumentOutOfRangeException>(connected);
    }

    [Fact]
    public void AHalfCloseableProtocolStaysHalfCloseableBehindTheWrapper()
    {
        var reactor = new MemoryReactor();
        var protocol = new HalfCloser();
        new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory(() => protocol));
        var wrapper = Assert.IsAssignableFrom<IHalfCloseableProtocol>(reactor.TcpClients[0].Connector.Complete());
        wrapper.ReadConnectionLost();
        wrapper.WriteConnectionLost();
        Assert.Equal(["read", "write"], protocol.Events);

        new TcpClientEndpoint(reactor, "192.0.2.1", 7).Connect(new CountingFactory());
        Assert.IsNotAssignableFrom<IHalfCloseableProtocol>(reactor.TcpClients[1].Connector.Complete());
    }

    [Fact]
    public void ConnectProtocolConnectsAnExistingProtocol()
    {
        var reactor = new MemoryReactor();
        var protocol = new AccumulatingProtocol();
        var connected = new TcpClientEndpoint(reactor, "192.0.2.1", 7).ConnectProtocol(protocol);
        reactor.TcpClients[0].Connector.Complete();
        Assert.Same(protocol, DeferredAssert.Succeeded<IProtocol>(connected));
        Assert.True(protocol.Made);
    }

    [Fact]
    public void AListenerAndAClientMeetThroughTheMemoryReactor()
    {
        var reactor = new MemoryReactor();
        var server = new AccumulatingProtocol();
        var port = DeferredAssert.Succeeded<IListeningPort>(new TcpServerEndpoint(reactor, 0, bindAddress: "127.0.0.1").Listen(new CountingFactory(() => server)));
        var address = (IPEndPoint)port.GetHost();
        var client = new AccumulatingProtocol();
        var connected = new TcpClientEndpoint(reactor, address.Address.ToString(), address.Port).ConnectProtocol(client);

        var clientTransport = new StringTransport(peerAddress: address);
        reactor.TcpClients[0].Connector.Complete(clientTransport);
        reactor.TcpServers[0].ListeningPort.Accept(clientTransport.GetHost());
        Assert.Same(client, DeferredAssert.Succeeded<IProtocol>(connected));
        Assert.True(server.Made);
        Assert.Equal(clientTransport.GetHost(), server.Transport.GetPeer());
    }

    private sealed class CountingFactory(Func<IProtocol?>? build = null) : Factory
    {
        public int Starts { get; private set; }

        public int Stops { get; private set; }

        public override IProtocol? BuildProtocol(EndPoint address) => build is null ? new AccumulatingProtocol() : build();

        protected override void StartFactory() => Starts++;

        protected override void StopFactory() => Stops++;
    }

    private sealed class HalfCloser : Protocol, IHalfCloseableProtocol
    {
        public List<string> Events { get; } = [];

        public void ReadConnectionLost() => Events.Add("read");

        public void WriteConnectionLost() => Events.Add("write");
    }
}
