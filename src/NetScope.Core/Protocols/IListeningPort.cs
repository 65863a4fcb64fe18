using System.Net;
using NetScope.Core.Defer;

namespace NetScope.Core.Protocols;

/// <summary>A listening socket (Twisted's <c>IListeningPort</c>).</summary>
public interface IListeningPort
{
    /// <summary>Starts accepting again after <see cref="StopListening"/>.</summary>
    void StartListening();

    /// <summary>
    /// Stops accepting new connections and closes the socket. Connections already accepted
    /// are not affected. The Deferred fires once the port is closed.
    /// </summary>
    Deferred StopListening();

    /// <summary>The bound address (with the real port when bound to port 0).</summary>
    EndPoint GetHost();
}
