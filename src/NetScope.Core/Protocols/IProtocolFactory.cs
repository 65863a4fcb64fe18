using System.Net;

namespace NetScope.Core.Protocols;

/// <summary>Makes a protocol for each connection (Twisted's <c>IProtocolFactory</c>).</summary>
public interface IProtocolFactory
{
    /// <summary>
    /// Returns a protocol for a connection with <paramref name="address"/> (the peer for
    /// servers, the destination for clients), or <see langword="null"/> to refuse it.
    /// </summary>
    IProtocol? BuildProtocol(EndPoint address);

    /// <summary>Called each time the factory starts being used by a port or connector.</summary>
    void DoStart();

    /// <summary>Called each time a port or connector stops using the factory.</summary>
    void DoStop();
}
