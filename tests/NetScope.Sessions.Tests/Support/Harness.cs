using NetScope.Sessions.Events;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests.Support;

/// <summary>A workspace on a <see cref="TestReactor"/>, with a subscription that records every event.</summary>
internal sealed class Harness : IDisposable
{
    private readonly List<WorkspaceEvent> _events = new();

    public Harness(WorkspaceOptions? options = null, int subscriptionCapacity = 65536)
    {
        Workspace = new Workspace(Reactor, options);
        Subscription = Workspace.Subscribe(subscriptionCapacity);
    }

    public TestReactor Reactor { get; } = new();

    public Workspace Workspace { get; }

    public EventSubscription Subscription { get; }

    /// <summary>Every event read so far (reads what is queued first).</summary>
    public IReadOnlyList<WorkspaceEvent> Events
    {
        get
        {
            Subscription.ReadAll(_events);
            return _events;
        }
    }

    public IEnumerable<T> EventsOf<T>()
        where T : WorkspaceEvent => Events.OfType<T>();

    /// <summary>Opens a TCP session to <paramref name="target"/> and returns it with its connector.</summary>
    public (Session Session, TestConnector Connector) OpenTcp(string target = "127.0.0.1:7007", Streams.StreamMode mode = Streams.StreamMode.Line)
    {
        var session = Workspace.OpenTcp(new TcpSessionRequest(HostPort.Parse(target)) { Mode = mode });
        return (session, Reactor.Connectors[^1]);
    }

    /// <summary>Opens a TCP session and connects it.</summary>
    public (Session Session, MemoryConnection Connection) Connected(string target = "127.0.0.1:7007", Streams.StreamMode mode = Streams.StreamMode.Line)
    {
        var (session, connector) = OpenTcp(target, mode);
        return (session, connector.Accept());
    }

    public void Dispose() => Workspace.Dispose();
}
