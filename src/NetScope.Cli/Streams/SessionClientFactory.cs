using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <summary>Connects one prepared <see cref="StreamSession"/> and reports how the attempt went.</summary>
internal sealed class SessionClientFactory : ClientFactory
{
    private readonly StreamSession _session;

    public SessionClientFactory(StreamSession session)
    {
        _session = session;
    }

    /// <summary>Fires with the session once connected, or fails with the typed connect error.</summary>
    public Deferred<StreamSession> WhenConnected { get; } = new Deferred<StreamSession>().WithLabel("connect");

    public override IProtocol? BuildProtocol(EndPoint address)
    {
        _session.WhenConnected.AddCallback(session =>
        {
            WhenConnected.Callback((StreamSession)session!);
            return session;
        });
        return _session;
    }

    public override void ClientConnectionFailed(IConnector connector, Failure reason) => WhenConnected.Errback(reason);
}
