using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Core.Protocols;

/// <summary>
/// The code that speaks a protocol over a connection (Twisted's <c>IProtocol</c>). The reactor
/// calls these in order: <see cref="MakeConnection"/> (which calls <see cref="ConnectionMade"/>),
/// any number of <see cref="DataReceived"/>, then exactly one <see cref="ConnectionLost"/>.
/// A protocol never touches a socket; it talks to its <see cref="ITransport"/>.
/// </summary>
public interface IProtocol
{
    /// <summary>Attaches the transport and calls <see cref="ConnectionMade"/>.</summary>
    void MakeConnection(ITransport transport);

    /// <summary>The connection is up; the transport is ready for writing.</summary>
    void ConnectionMade();

    /// <summary>
    /// Bytes arrived, in order, in chunks of any size: a message may be split across calls or
    /// several may come in one. The span is only valid during the call: copy what you keep.
    /// </summary>
    void DataReceived(ReadOnlySpan<byte> data);

    /// <summary>
    /// The connection is gone. <paramref name="reason"/> holds a
    /// <see cref="Errors.ConnectionDoneException"/> for a clean close, or the error that ended it.
    /// </summary>
    void ConnectionLost(Failure reason);
}
