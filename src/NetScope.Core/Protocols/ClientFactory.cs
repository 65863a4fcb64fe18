using NetScope.Core.Defer;

namespace NetScope.Core.Protocols;

/// <summary>A factory for outgoing connections (Twisted's <c>ClientFactory</c>): also told how the attempt went.</summary>
public class ClientFactory : Factory
{
    /// <summary>Creates a client factory whose protocols come from <paramref name="build"/>.</summary>
    public ClientFactory(Func<IProtocol>? build = null)
        : base(build)
    {
    }

    /// <summary>A connection attempt started.</summary>
    public virtual void StartedConnecting(IConnector connector)
    {
    }

    /// <summary>A connection attempt failed; <paramref name="reason"/> tells why (refused, timed out, host not found, ...).</summary>
    public virtual void ClientConnectionFailed(IConnector connector, Failure reason)
    {
    }

    /// <summary>An established connection was lost.</summary>
    public virtual void ClientConnectionLost(IConnector connector, Failure reason)
    {
    }
}
