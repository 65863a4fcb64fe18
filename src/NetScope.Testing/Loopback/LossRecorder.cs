using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Testing.Loopback;

/// <summary>
/// Passes every call through to a protocol and fires <see cref="Lost"/> after its
/// <c>ConnectionLost</c>. A half-closeable protocol gets a half-closeable wrapper, so the
/// transport treats it exactly as it would treat the protocol itself.
/// </summary>
internal class LossRecorder : IProtocol
{
    protected LossRecorder(IProtocol wrapped) => Wrapped = wrapped;

    public IProtocol Wrapped { get; }

    public IProtocol Protocol => this;

    public Deferred Lost { get; } = new();

    public Failure? Reason { get; private set; }

    public static LossRecorder Wrap(IProtocol protocol) =>
        protocol is IHalfCloseableProtocol ? new HalfCloseable(protocol) : new LossRecorder(protocol);

    public void MakeConnection(ITransport transport) => Wrapped.MakeConnection(transport);

    public void ConnectionMade() => Wrapped.ConnectionMade();

    public void DataReceived(ReadOnlySpan<byte> data) => Wrapped.DataReceived(data);

    public void ConnectionLost(Failure reason)
    {
        try
        {
            Wrapped.ConnectionLost(reason);
        }
        finally
        {
            Reason = reason;
            Lost.Callback(null);
        }
    }

    public override string ToString() => Wrapped.ToString() ?? nameof(LossRecorder);

    private sealed class HalfCloseable : LossRecorder, IHalfCloseableProtocol
    {
        public HalfCloseable(IProtocol wrapped)
            : base(wrapped)
        {
        }

        public void ReadConnectionLost() => ((IHalfCloseableProtocol)Wrapped).ReadConnectionLost();

        public void WriteConnectionLost() => ((IHalfCloseableProtocol)Wrapped).WriteConnectionLost();
    }
}
