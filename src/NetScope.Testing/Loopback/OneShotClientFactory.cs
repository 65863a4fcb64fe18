using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;

namespace NetScope.Testing.Loopback;

/// <summary>A client factory that hands out one protocol and reports a failed connect.</summary>
internal sealed class OneShotClientFactory : ClientFactory
{
    private readonly IProtocol _protocol;
    private readonly Action<Failure> _failed;

    public OneShotClientFactory(IProtocol protocol, Action<Failure> failed)
    {
        _protocol = protocol;
        _failed = failed;
    }

    public override IProtocol? BuildProtocol(EndPoint address) => _protocol;

    public override void ClientConnectionFailed(IConnector connector, Failure reason) => _failed(reason);
}
