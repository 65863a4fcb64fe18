using System.Net;

namespace NetScope.Core.Protocols;

/// <summary>An outgoing connection attempt and the connection it makes (Twisted's <c>IConnector</c>).</summary>
public interface IConnector
{
    /// <summary>Gives up a connection attempt in progress; the factory's <c>ClientConnectionFailed</c> is told.</summary>
    void StopConnecting();

    /// <summary>Stops connecting, or drops the connection if it is up.</summary>
    void Disconnect();

    /// <summary>Connects again with the same destination and factory (after a failure or a loss).</summary>
    void Connect();

    /// <summary>Where the connector connects to (a host name and port until resolved).</summary>
    EndPoint GetDestination();
}
