using NetScope.Core.Defer;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>A <see cref="WrappingProtocol"/> for a protocol that can live half-open: passes the half-close events on too.</summary>
internal sealed class HalfCloseableWrappingProtocol : WrappingProtocol, IHalfCloseableProtocol
{
    public HalfCloseableWrappingProtocol(Deferred<IProtocol> connected, IProtocol wrapped)
        : base(connected, wrapped)
    {
    }

    public void ReadConnectionLost() => ((IHalfCloseableProtocol)Wrapped).ReadConnectionLost();

    public void WriteConnectionLost() => ((IHalfCloseableProtocol)Wrapped).WriteConnectionLost();
}
