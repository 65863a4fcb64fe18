using System.Net;
using NetScope.Core.Protocols;

namespace NetScope.Sessions.Listeners;

/// <summary>A <see cref="TrackedConnection"/> for a protocol that lives half-open: passes the half-close events on too.</summary>
internal sealed class HalfCloseableTrackedConnection : TrackedConnection, IHalfCloseableProtocol
{
    public HalfCloseableTrackedConnection(TrackingFactory factory, long id, EndPoint peer, IProtocol wrapped)
        : base(factory, id, peer, wrapped)
    {
    }

    public void ReadConnectionLost() => ((IHalfCloseableProtocol)Wrapped).ReadConnectionLost();

    public void WriteConnectionLost() => ((IHalfCloseableProtocol)Wrapped).WriteConnectionLost();
}
