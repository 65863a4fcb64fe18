using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Testing;

/// <summary>A client factory that records what it hears, in order.</summary>
internal sealed class RecordingClientFactory : ClientFactory
{
    public List<string> Events { get; } = [];

    public bool ReconnectOnFailure { get; init; }

    public bool Refuse { get; init; }

    public override void StartedConnecting(IConnector connector) => Events.Add("started connecting");

    public override IProtocol? BuildProtocol(EndPoint address)
    {
        Events.Add("build");
        return Refuse ? null : new AccumulatingProtocol();
    }

    public override void ClientConnectionFailed(IConnector connector, Failure reason)
    {
        Events.Add("failed " + reason.Type.Name);
        if (ReconnectOnFailure)
        {
            connector.Connect();
        }
    }

    public override void ClientConnectionLost(IConnector connector, Failure reason) => Events.Add("lost " + reason.Type.Name);

    protected override void StartFactory() => Events.Add("start");

    protected override void StopFactory() => Events.Add("stop");
}
