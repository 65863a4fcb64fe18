using NetScope.Core.Defer;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>Somewhere stream connections can be accepted (Twisted's <c>IStreamServerEndpoint</c>).</summary>
public interface IStreamServerEndpoint
{
    /// <summary>
    /// Starts listening, with a protocol from <paramref name="factory"/> for each connection.
    /// The Deferred fires with the listening port, or fails (for TCP with
    /// <see cref="Errors.CannotListenException"/>).
    /// </summary>
    Deferred<IListeningPort> Listen(IProtocolFactory factory);
}
