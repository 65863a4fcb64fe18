using System.Net;
using NetScope.Core.Defer;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>Conveniences on endpoints.</summary>
public static class EndpointExtensions
{
    /// <summary>
    /// Connects the already built <paramref name="protocol"/> through <paramref name="endpoint"/>
    /// (Twisted's <c>connectProtocol</c>): the Deferred fires with it once connected.
    /// </summary>
    public static Deferred<IProtocol> ConnectProtocol(this IStreamClientEndpoint endpoint, IProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(protocol);
        return endpoint.Connect(new OneShotFactory(protocol));
    }

    /// <summary>Hands out one given protocol.</summary>
    private sealed class OneShotFactory(IProtocol protocol) : Factory
    {
        public override IProtocol? BuildProtocol(EndPoint address) => protocol;
    }
}
