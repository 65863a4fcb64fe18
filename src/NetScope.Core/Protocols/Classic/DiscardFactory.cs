using System.Net;

namespace NetScope.Core.Protocols.Classic;

/// <summary>Builds <see cref="DiscardProtocol"/>s (RFC 863).</summary>
/// <example><code>reactor.ListenTcp(9, new DiscardFactory());</code></example>
public class DiscardFactory : Factory
{
    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new DiscardProtocol { Factory = this };
}
