using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests.Support;

/// <summary>A session kind for tests: connects a <see cref="ProbeProtocol"/> whose code the test writes.</summary>
internal sealed class ProbeStarter : ISessionStarter
{
    private readonly ProbeProtocol _protocol;
    private readonly Action<SessionContext>? _started;

    public ProbeStarter(ProbeProtocol protocol, Action<SessionContext>? started = null)
    {
        _protocol = protocol;
        _started = started;
    }

    public string Kind => "probe";

    public string Target => "127.0.0.1:9";

    public void Start(SessionContext context)
    {
        _protocol.Context = context;
        _started?.Invoke(context);
        context.Reactor.ConnectTcp("127.0.0.1", 9, context.CreateClientFactory(_protocol));
    }
}

/// <summary>A protocol that runs the test's code on each event.</summary>
internal sealed class ProbeProtocol : Protocol
{
    public SessionContext Context { get; set; } = null!;

    public Action<ProbeProtocol>? OnConnected { get; init; }

    public Action<ProbeProtocol, string>? OnData { get; init; }

    public override void ConnectionMade() => OnConnected?.Invoke(this);

    public override void DataReceived(ReadOnlySpan<byte> data) => OnData?.Invoke(this, System.Text.Encoding.UTF8.GetString(data));
}
