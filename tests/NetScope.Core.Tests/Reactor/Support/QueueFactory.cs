using System.Net;
using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// A server factory that hands out the given protocols, one per accepted connection, in
/// order; a connection beyond them is refused (and counted).
/// </summary>
internal sealed class QueueFactory : Factory
{
    private readonly Queue<IProtocol> _protocols;

    public QueueFactory(params IProtocol[] protocols)
    {
        _protocols = new Queue<IProtocol>(protocols);
    }

    public int Refused { get; private set; }

    public override IProtocol? BuildProtocol(EndPoint address)
    {
        if (_protocols.TryDequeue(out var protocol))
        {
            return protocol;
        }

        Refused++;
        return null;
    }
}
