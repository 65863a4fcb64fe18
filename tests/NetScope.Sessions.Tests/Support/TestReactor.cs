using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Testing;

namespace NetScope.Sessions.Tests.Support;

/// <summary>
/// A reactor for deterministic tests: time is a <see cref="Clock"/>, connections are in memory
/// (<see cref="TestConnector"/>, <see cref="TestPort"/>) and calls from threads wait in a queue
/// until <see cref="RunThreadCalls"/>. Carries the observation scope like the real reactors do.
/// </summary>
internal sealed class TestReactor : IReactor
{
    private readonly Queue<Action> _threadCalls = new();

    public Clock Clock { get; } = new();

    public List<TestConnector> Connectors { get; } = new();

    public List<TestPort> Ports { get; } = new();

    public ReactorHealth Health { get; set; } = new(0, 0, 0, 0, 0, 0, 0, [], 0, 0, 0, 0);

    public string Name => "test";

    public bool Running => true;

    public bool IsReactorThread => true;

    public ReactorHealth GetHealth() => Health with { Time = Clock.Seconds() };

    public void Run() => throw new InvalidOperationException("The test reactor is driven by its clock.");

    public void Stop()
    {
    }

    public void Crash()
    {
    }

    public void CallWhenRunning(Action callable) => callable();

    public object AddSystemEventTrigger(SystemEventPhase phase, string eventType, Func<object?> callable) => new();

    public void RemoveSystemEventTrigger(object handle)
    {
    }

    public void FireSystemEvent(string eventType)
    {
    }

    public Deferred<IPAddress[]> Resolve(string name) =>
        Deferred.Succeed(IPAddress.TryParse(name, out var address) ? [address] : new[] { IPAddress.Loopback });

    public double Seconds() => Clock.Seconds();

    public IDelayedCall CallLater(double delaySeconds, Action callable) => Clock.CallLater(delaySeconds, callable);

    public IReadOnlyList<IDelayedCall> GetDelayedCalls() => Clock.GetDelayedCalls();

    public IListeningPort ListenTcp(int port, IProtocolFactory factory, int backlog = 511, string bindAddress = "")
    {
        if (Ports.Exists(p => p.Port == port && port != 0))
        {
            throw new Core.Errors.CannotListenException($"127.0.0.1:{port}", System.Net.Sockets.SocketError.AddressAlreadyInUse, "address already in use");
        }

        var listening = new TestPort(this, port == 0 ? 40000 + Ports.Count : port, factory);
        Ports.Add(listening);
        return listening;
    }

    public IConnector ConnectTcp(string host, int port, ClientFactory factory, double timeoutSeconds = 30, IPEndPoint? bindAddress = null)
    {
        var connector = new TestConnector(this, host, port, factory);
        Connectors.Add(connector);
        connector.Connect();
        return connector;
    }

    public void CallFromThread(Action callable) => _threadCalls.Enqueue(ObservationScope.Bind(callable));

    public void CallInThread(Action callable) => _threadCalls.Enqueue(ObservationScope.Bind(callable));

    public Deferred<T> DeferToThread<T>(Func<T> function)
    {
        var deferred = new Deferred<T>();
        CallInThread(() =>
        {
            var result = function();
            CallFromThread(() => deferred.Callback(result));
        });
        return deferred;
    }

    public void SuggestThreadPoolSize(int maxThreads)
    {
    }

    /// <summary>Runs the queued calls from threads, including those they queue.</summary>
    public void RunThreadCalls()
    {
        for (var i = 0; i < 1000 && _threadCalls.TryDequeue(out var call); i++)
        {
            call();
        }
    }
}
