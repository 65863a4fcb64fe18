using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Core.Protocols;

/// <summary>
/// The base class for protocols (Twisted's <c>protocol.Protocol</c>): keeps the transport
/// and the factory, and does nothing on each event until a subclass says otherwise.
/// </summary>
public class Protocol : IProtocol
{
    private ITransport? _transport;

    /// <summary>The transport, once connected.</summary>
    /// <exception cref="InvalidOperationException">The protocol is not connected yet.</exception>
    public ITransport Transport => _transport ?? throw new InvalidOperationException($"{GetType().Name} is not connected to a transport.");

    /// <summary><see langword="true"/> between <see cref="MakeConnection"/> and <see cref="ConnectionLost"/>.</summary>
    public bool Connected { get; private set; }

    /// <summary>The factory that built this protocol, if any.</summary>
    public IProtocolFactory? Factory { get; set; }

    /// <inheritdoc/>
    public virtual void MakeConnection(ITransport transport)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Connected = true;
        ConnectionMade();
    }

    /// <inheritdoc/>
    public virtual void ConnectionMade()
    {
    }

    /// <inheritdoc/>
    public virtual void DataReceived(ReadOnlySpan<byte> data)
    {
    }

    /// <inheritdoc/>
    void IProtocol.ConnectionLost(Failure reason)
    {
        Connected = false;
        ConnectionLost(reason);
    }

    /// <summary>The connection is gone (see <see cref="IProtocol.ConnectionLost"/>).</summary>
    public virtual void ConnectionLost(Failure reason)
    {
    }
}
