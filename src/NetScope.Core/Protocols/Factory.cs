using System.Net;

namespace NetScope.Core.Protocols;

/// <summary>
/// The base class for protocol factories (Twisted's <c>protocol.Factory</c>): builds protocols
/// with a function and counts the ports using it, calling <see cref="StartFactory"/> on the
/// first and <see cref="StopFactory"/> after the last.
/// </summary>
public class Factory : IProtocolFactory
{
    private readonly Func<IProtocol>? _build;

    /// <summary>Creates a factory whose protocols come from <paramref name="build"/>; without it, override <see cref="BuildProtocol"/>.</summary>
    public Factory(Func<IProtocol>? build = null)
    {
        _build = build;
    }

    /// <summary>How many ports or connectors are using this factory.</summary>
    public int NumPorts { get; private set; }

    /// <summary>A factory that builds protocols with <paramref name="build"/>.</summary>
    public static Factory ForProtocol(Func<IProtocol> build) => new(build ?? throw new ArgumentNullException(nameof(build)));

    /// <inheritdoc/>
    public void DoStart()
    {
        if (NumPorts == 0)
        {
            StartFactory();
        }

        NumPorts++;
    }

    /// <inheritdoc/>
    public void DoStop()
    {
        if (NumPorts == 0)
        {
            return;
        }

        NumPorts--;
        if (NumPorts == 0)
        {
            StopFactory();
        }
    }

    /// <summary>The factory is starting to be used (override for set-up).</summary>
    protected virtual void StartFactory()
    {
    }

    /// <summary>The factory is no longer used by anything (override for clean-up).</summary>
    protected virtual void StopFactory()
    {
    }

    /// <inheritdoc/>
    public virtual IProtocol? BuildProtocol(EndPoint address)
    {
        if (_build is null)
        {
            throw new InvalidOperationException($"{GetType().Name} has no protocol builder; pass one to the constructor or override BuildProtocol.");
        }

        var protocol = _build();
        if (protocol is Protocol withFactory)
        {
            withFactory.Factory = this;
        }

        return protocol;
    }
}
