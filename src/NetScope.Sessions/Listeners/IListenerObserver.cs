using System.Net;
using NetScope.Core.Transports;

namespace NetScope.Sessions.Listeners;

/// <summary>Hears what happens on a listener, on the reactor thread.</summary>
public interface IListenerObserver
{
    /// <summary>Connection <paramref name="id"/> from <paramref name="peer"/> was accepted.</summary>
    void ConnectionOpened(long id, EndPoint peer, TransportStats stats);

    /// <summary>A connection from <paramref name="peer"/> was turned away (<paramref name="reason"/> says why).</summary>
    void ConnectionRefused(EndPoint peer, string reason);

    /// <summary>Connection <paramref name="id"/> ended after <paramref name="seconds"/>; <paramref name="reason"/> is one line.</summary>
    void ConnectionClosed(long id, EndPoint peer, TransportStats stats, double seconds, string reason);
}
