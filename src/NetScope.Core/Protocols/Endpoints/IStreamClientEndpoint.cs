using NetScope.Core.Defer;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>Somewhere a stream connection can be made to (Twisted's <c>IStreamClientEndpoint</c>).</summary>
public interface IStreamClientEndpoint
{
    /// <summary>
    /// Connects a protocol built by <paramref name="factory"/>. The Deferred fires with that
    /// protocol once it is connected (its <c>ConnectionMade</c> has run), or fails with the
    /// typed connect error. Cancelling it stops the attempt with
    /// <see cref="Errors.ConnectingCancelledException"/>.
    /// </summary>
    Deferred<IProtocol> Connect(IProtocolFactory factory);
}
