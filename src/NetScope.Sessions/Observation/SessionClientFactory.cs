using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Observation;

/// <summary>The client factory of one session's connection: builds its wrapped protocol once and reports a failed attempt to the session.</summary>
internal sealed class SessionClientFactory : ClientFactory
{
    private readonly Session _session;
    private IProtocol? _protocol;

    public SessionClientFactory(Session session, IProtocol protocol)
    {
        _session = session;
        _protocol = protocol;
    }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address)
    {
        // One session is one connection: a reconnect would need a new session.
        var protocol = _protocol;
        _protocol = null;
        return protocol;
    }

    /// <inheritdoc/>
    public override void StartedConnecting(IConnector connector) => _session.Connector = connector;

    /// <inheritdoc/>
    public override void ClientConnectionFailed(IConnector connector, Failure reason) =>
        _session.Workspace.EndSession(_session, reason.Value);
}
