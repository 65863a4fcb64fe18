using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Testing;

public class MemoryReactorTests
{
    [Fact]
    public void RunFiresStartupThenWhenRunningCallsAndStopFiresShutdownPhasesInOrder()
    {
        var reactor = new MemoryReactor();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Startup, Do(() => events.Add("startup")));
        reactor.CallWhenRunning(() => events.Add("running"));
        reactor.AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Shutdown, Do(() => events.Add("after")));
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, Do(() => events.Add("before")));
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Shutdown, Do(() => events.Add("during")));

        reactor.Run();
        Assert.True(reactor.Running);
        Assert.Equal(["startup", "running"], events);
        reactor.CallWhenRunning(() => events.Add("now"));
        Assert.Equal("now", events[^1]);

        reactor.Stop();
        Assert.False(reactor.Running);
        Assert.True(reactor.HasStopped);
        Assert.Equal(["startup", "running", "now", "before", "during", "after"], events);
        Assert.Throws<ReactorNotRunningException>(reactor.Stop);
        Assert.Throws<ReactorAlreadyRunningException>(reactor.Run);
    }

    [Fact]
    public void AShutdownTriggersDeferredHoldsTheNextPhaseUntilItFires()
    {
        var reactor = new MemoryReactor();
        var wait = new Deferred();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            events.Add("before");
            return wait;
        });
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Shutdown, Do(() => events.Add("during")));
        reactor.Run();
        reactor.Stop();
        Assert.Equal(["before"], events);
        Assert.True(reactor.Running);
        wait.Callback(null);
        Assert.Equal(["before", "during"], events);
        Assert.False(reactor.Running);
    }

    [Fact]
    public void TriggerErrorsAreRecordedAndDoNotStopTheEvent()
    {
        var reactor = new MemoryReactor();
        var ran = false;
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, "custom", () => throw new InvalidOperationException("bad trigger"));
        reactor.AddSystemEventTrigger(SystemEventPhase.During, "custom", () => Deferred.Fail(new TimeoutException("bad deferred")));
        var removed = reactor.AddSystemEventTrigger(SystemEventPhase.After, "custom", () => throw new InvalidOperationException("removed"));
        reactor.AddSystemEventTrigger(SystemEventPhase.After, "custom", Do(() => ran = true));
        reactor.RemoveSystemEventTrigger(removed);
        reactor.FireSystemEvent("custom");
        Assert.True(ran);
        Assert.Equal(["bad trigger", "bad deferred"], reactor.TriggerErrors.Select(e => e.Message));
        Assert.Equal(0, reactor.PendingTriggerCount);
    }

    [Fact]
    public void CrashStopsAtOnce()
    {
        var reactor = new MemoryReactor();
        reactor.Run();
        reactor.Crash();
        Assert.False(reactor.Running);
        Assert.True(reactor.HasCrashed);
    }

    [Fact]
    public void TimeIsTheClocks()
    {
        var reactor = new MemoryReactor(new Clock(100));
        var fired = false;
        reactor.CallLater(5, () => fired = true);
        Assert.Equal(100, reactor.Seconds());
        Assert.Single(reactor.GetDelayedCalls());
        Assert.Equal(1, reactor.GetHealth().PendingDelayedCalls);
        reactor.Advance(5);
        Assert.True(fired);
        Assert.Equal(105, reactor.Clock.Seconds());
    }

    [Fact]
    public void CallsFromOtherThreadsRunOnlyWhenTheTestAsks()
    {
        var reactor = new MemoryReactor();
        var ran = new List<int>();
        var thread = new Thread(() => reactor.CallFromThread(() => ran.Add(1)));
        thread.Start();
        thread.Join(TimeSpan.FromSeconds(10));
        reactor.CallFromThread(() => ran.Add(2));
        Assert.Empty(ran);
        Assert.Equal(2, reactor.PendingThreadCalls);
        Assert.Equal(2, reactor.RunThreadCalls());
        Assert.Equal([1, 2], ran);
        Assert.True(reactor.IsReactorThread);
    }

    [Fact]
    public void DeferToThreadRunsOnThePoolAndFiresBackOnTheReactorThread()
    {
        var reactor = new MemoryReactor();
        var result = reactor.DeferToThread(() => 6 * 7);
        var failed = reactor.DeferToThread<int>(() => throw new TimeoutException("slow"));
        Assert.Equal(2, reactor.PendingThreadPoolWork);
        Assert.Equal(2, reactor.RunThreadPoolWork());
        Assert.False(result.Called);
        reactor.RunThreadCalls();
        Assert.Equal(42, result.Result);
        var failure = Assert.IsType<Failure>(failed.Result);
        Assert.IsType<TimeoutException>(failure.Value);
        failed.AddErrback(_ => null);
    }

    [Fact]
    public void ResolveAnswersLiteralsAndKnownHostsAndFailsTheRest()
    {
        var reactor = new MemoryReactor();
        reactor.Hosts["example.test"] = [IPAddress.Parse("192.0.2.7")];
        Assert.Equal([IPAddress.Loopback], (IPAddress[])reactor.Resolve("127.0.0.1").Result!);
        Assert.Equal([IPAddress.Parse("192.0.2.7")], (IPAddress[])reactor.Resolve("EXAMPLE.test").Result!);
        var missing = reactor.Resolve("nowhere.test");
        Assert.IsType<HostNotFoundException>(Assert.IsType<Failure>(missing.Result).Value);
        missing.AddErrback(_ => null);
    }

    [Fact]
    public void ListenTcpIsRecordedAndItsPortAcceptsConnectionsByHand()
    {
        var reactor = new MemoryReactor();
        var factory = new CountingFactory();
        var port = reactor.ListenTcp(0, factory, backlog: 5, bindAddress: "127.0.0.1");
        var call = Assert.Single(reactor.TcpServers);
        Assert.Equal((0, 5, "127.0.0.1"), (call.Port, call.Backlog, call.BindAddress));
        Assert.Same(factory, call.Factory);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 49152), port.GetHost());
        Assert.Equal(1, factory.Starts);

        var peer = new IPEndPoint(IPAddress.Loopback, 50000);
        var protocol = Assert.IsType<AccumulatingProtocol>(call.ListeningPort.Accept(peer));
        Assert.True(protocol.Made);
        Assert.Equal(peer, protocol.Transport.GetPeer());

        Assert.True(port.StopListening().Called);
        Assert.Equal(1, factory.Stops);
        Assert.Throws<InvalidOperationException>(() => call.ListeningPort.Accept(peer));
    }

    [Fact]
    public void ListenTcpCanBeMadeToFail()
    {
        var reactor = new MemoryReactor { ListenTcpException = new CannotListenException("cannot listen on :80: permission denied") };
        Assert.Throws<CannotListenException>(() => reactor.ListenTcp(80, new CountingFactory()));
        Assert.Empty(reactor.TcpServers);
        Assert.Throws<ArgumentException>(() => new MemoryReactor().ListenTcp(1, new CountingFactory(), bindAddress: "localhost"));
    }

    [Fact]
    public void ConnectTcpIsRecordedAndTheConnectorIsCompletedByHand()
    {
        var reactor = new MemoryReactor();
        var factory = new RecordingClientFactory();
        var connector = reactor.ConnectTcp("192.0.2.1", 7, factory, timeoutSeconds: 3);
        var call = Assert.Single(reactor.TcpClients);
        Assert.Equal(("192.0.2.1", 7, 3.0), (call.Host, call.Port, call.TimeoutSeconds));
        Assert.Same(connector, call.Connector);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 7), connector.GetDestination());
        Assert.Equal(["start", "started connecting"], factory.Events);

        var protocol = Assert.IsType<AccumulatingProtocol>(call.Connector.Complete());
        Assert.True(protocol.Made);
        Assert.Equal(MemoryConnectorState.Connected, call.Connector.State);

        call.Connector.Lose(new ConnectionResetException());
        Assert.IsType<ConnectionResetException>(protocol.ClosedReason!.Value);
        Assert.Equal(["start", "started connecting", "build", "lost ConnectionResetException", "stop"], factory.Events);
    }

    [Fact]
    public void AFailedAttemptTellsTheFactoryAndStopsIt()
    {
        var reactor = new MemoryReactor();
        var factory = new RecordingClientFactory();
        var connector = (MemoryConnector)reactor.ConnectTcp("example.test", 7, factory);
        Assert.IsType<DnsEndPoint>(connector.GetDestination());
        connector.Fail(new ConnectionRefusedException());
        Assert.Equal(["start", "started connecting", "failed ConnectionRefusedException", "stop"], factory.Events);
        Assert.Equal(MemoryConnectorState.Disconnected, connector.State);
    }

    [Fact]
    public void StopConnectingFailsTheAttemptWithConnectingCancelled()
    {
        var reactor = new MemoryReactor();
        var factory = new RecordingClientFactory();
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.StopConnecting();
        Assert.True(connector.StoppedConnecting);
        Assert.Equal("failed ConnectingCancelledException", factory.Events[2]);
        connector.StopConnecting();
        Assert.Equal(4, factory.Events.Count);
    }

    [Fact]
    public void AFactoryThatReconnectsFromItsCallbackIsNotStopped()
    {
        var reactor = new MemoryReactor();
        var factory = new RecordingClientFactory { ReconnectOnFailure = true };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.Fail(new ConnectTimeoutException());
        Assert.Equal(["start", "started connecting", "failed ConnectTimeoutException", "started connecting"], factory.Events);
        Assert.Equal(2, connector.Attempts);
        Assert.Equal(MemoryConnectorState.Connecting, connector.State);
    }

    [Fact]
    public void AFactoryThatRefusesFailsTheAttempt()
    {
        var reactor = new MemoryReactor();
        var factory = new RecordingClientFactory { Refuse = true };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        Assert.Null(connector.Complete());
        Assert.Equal("failed ConnectException", factory.Events[^2]);
    }

    private static Func<object?> Do(Action action) => () =>
    {
        action();
        return null;
    };

    private sealed class CountingFactory : Factory
    {
        public CountingFactory()
            : base(() => new AccumulatingProtocol())
        {
        }

        public int Starts { get; private set; }

        public int Stops { get; private set; }

        protected override void StartFactory() => Starts++;

        protected override void StopFactory() => Stops++;
    }
}
