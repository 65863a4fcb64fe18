using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>
/// Stands between the transport and a client endpoint's protocol (Twisted's
/// <c>_WrappingProtocol</c>): connects it, fires the endpoint's Deferred with it, and passes
/// every event on.
/// </summary>
internal class WrappingProtocol : IProtocol
{
    private readonly Deferred<IProtocol> _connected;
    private ITransport? _transport;

    public WrappingProtocol(Deferred<IProtocol> connected, IProtocol wrapped)
    {
        _connected = connected;
        Wrapped = wrapped;
    }

    /// <summary>The endpoint user's protocol.</summary>
    public IProtocol Wrapped { get; }

    public void MakeConnection(ITransport transport)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        ConnectionMade();
    }

    public void ConnectionMade()
    {
        Wrapped.MakeConnection(_transport!);
        if (!_connected.Called)
        {
            _connected.Callback(Wrapped);
        }
    }

    public void DataReceived(ReadOnlySpan<byte> data) => Wrapped.DataReceived(data);

    public void ConnectionLost(Failure reason) => Wrapped.ConnectionLost(reason);

    /// <inheritdoc/>
    public override string ToString() => $"{Wrapped} (via endpoint)";
}
