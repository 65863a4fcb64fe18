using System.Net;
using NetScope.Core.Protocols;

namespace NetScope.Core.Reactor;

/// <summary>TCP servers and clients (Twisted's <c>IReactorTCP</c>).</summary>
public interface IReactorTcp
{
    /// <summary>
    /// Listens on <paramref name="port"/> (0 picks a free one; read it back from
    /// <see cref="IListeningPort.GetHost"/>) at <paramref name="bindAddress"/> ("" for all IPv4
    /// addresses, "::" for all IPv6 addresses, or a literal address), building a protocol from
    /// <paramref name="factory"/> for each accepted connection.
    /// </summary>
    /// <exception cref="Errors.CannotListenException">The port is in use, privileged, or the address is not local.</exception>
    /// <exception cref="ArgumentException">The address is not an IP literal or the port is out of range.</exception>
    IListeningPort ListenTcp(int port, IProtocolFactory factory, int backlog = 511, string bindAddress = "");

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/> (a name is resolved first),
    /// giving up after <paramref name="timeoutSeconds"/>. The factory hears
    /// <c>StartedConnecting</c>, then either builds the protocol or gets
    /// <c>ClientConnectionFailed</c> with a typed error: refused, timed out, host not found,
    /// network unreachable.
    /// </summary>
    IConnector ConnectTcp(string host, int port, ClientFactory factory, double timeoutSeconds = 30, IPEndPoint? bindAddress = null);
}
