using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols;

/// <summary>ClientCreator, after Twisted's ClientCreatorTests.</summary>
public class ClientCreatorTests
{
    [Fact]
    public void ConnectTcpPassesItsArgumentsAndFiresWithTheConnectedProtocolAfterAZeroDelayCall()
    {
        var reactor = new MemoryReactor();
        var protocol = new AccumulatingProtocol();
        var bind = new IPEndPoint(IPAddress.Parse("192.0.2.9"), 5678);
        var connected = new ClientCreator(reactor, () => protocol).ConnectTcp("example.test", 1234, 4321, bind);
        var call = Assert.Single(reactor.TcpClients);
        Assert.Equal(("example.test", 1234, 4321.0, bind), (call.Host, call.Port, call.TimeoutSeconds, call.BindAddress));

        Assert.Same(protocol, call.Connector.Complete());
        Assert.True(protocol.Made);
        Assert.False(connected.Called);
        reactor.Advance(0);
        Assert.Same(protocol, DeferredAssert.Succeeded<IProtocol>(connected));
    }

    public static TheoryData<Exception> ConnectErrors() =>
    [
        new ConnectionRefusedException(),
        new ConnectTimeoutException(),
        new HostNotFoundException(),
        new NetworkUnreachableException(),
    ];

    [Theory]
    [MemberData(nameof(ConnectErrors))]
    public void AFailedAttemptFailsWithTheTypedError(Exception error)
    {
        var reactor = new MemoryReactor();
        var connected = new ClientCreator(reactor, () => new AccumulatingProtocol()).ConnectTcp("192.0.2.1", 7);
        reactor.TcpClients[0].Connector.Fail(error);
        reactor.Advance(0);
        Assert.True(connected.Called);
        Assert.Same(error, ((Failure)connected.Result!).Value);
        connected.AddErrback(_ => null);
    }

    [Fact]
    public void CancellingBeforeTheConnectionStopsTheAttempt()
    {
        var reactor = new MemoryReactor();
        var connected = new ClientCreator(reactor, () => new AccumulatingProtocol()).ConnectTcp("192.0.2.1", 7);
        var connector = reactor.TcpClients[0].Connector;
        Assert.False(connector.DisconnectRequested);
        connected.Cancel();
        Assert.True(connector.DisconnectRequested);
        Assert.True(connector.StoppedConnecting);
        Assert.Empty(reactor.GetDelayedCalls());
        DeferredAssert.Failed<CancelledException>(connected);
    }

    [Fact]
    public void CancellingAfterTheConnectionButBeforeTheDeferredFiresDropsTheConnection()
    {
        var reactor = new MemoryReactor();
        var connected = new ClientCreator(reactor, () => new AccumulatingProtocol()).ConnectTcp("192.0.2.1", 7);
        var connector = reactor.TcpClients[0].Connector;
        var transport = new StringTransport();
        connector.Complete(transport);
        Assert.Single(reactor.GetDelayedCalls());
        connected.Cancel();
        Assert.Empty(reactor.GetDelayedCalls());
        Assert.True(transport.Disconnecting);
        DeferredAssert.Failed<CancelledException>(connected);
    }

    [Fact]
    public void CancellingAfterAFailureButBeforeTheDeferredFiresCancelsTheDelayedCall()
    {
        var reactor = new MemoryReactor();
        var connected = new ClientCreator(reactor, () => new AccumulatingProtocol()).ConnectTcp("192.0.2.1", 7);
        reactor.TcpClients[0].Connector.Fail(new InvalidOperationException("Simulated failure"));
        Assert.Single(reactor.GetDelayedCalls());
        connected.Cancel();
        Assert.Empty(reactor.GetDelayedCalls());
        DeferredAssert.Failed<CancelledException>(connected);
    }

    [Fact]
    public void AReactorThatRefusesToConnectFailsTheDeferredAtOnce()
    {
        var reactor = new MemoryReactor { ConnectTcpException = new ArgumentException("bad port") };
        var connected = new ClientCreator(reactor, () => new AccumulatingProtocol()).ConnectTcp("192.0.2.1", -1);
        DeferredAssert.Failed<ArgumentException>(connected);
    }
}
