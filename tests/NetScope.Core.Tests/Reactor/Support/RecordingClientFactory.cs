using NetScope.Core.Defer;
using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>A client factory that records the connector's events: started, failed (why), lost (why).</summary>
internal sealed class RecordingClientFactory : ClientFactory
{
    public RecordingClientFactory(Func<IProtocol>? build = null)
        : base(build)
    {
    }

    public List<string> Events { get; } = new();

    public Failure? FailureReason { get; private set; }

    /// <summary>
    /// Fires with this factory when a connection attempt fails (the reason is in
    /// <see cref="FailureReason"/>: firing with the Failure itself would start the errback path).
    /// </summary>
    public Deferred Failed { get; } = new();

    public override void StartedConnecting(IConnector connector) => Events.Add("started");

    public override void ClientConnectionFailed(IConnector connector, Failure reason)
    {
        Events.Add($"failed: {reason.Type.Name}");
        FailureReason = reason;
        Failed.Callback(this);
    }

    public override void ClientConnectionLost(IConnector connector, Failure reason) => Events.Add($"lost: {reason.Type.Name}");
}
