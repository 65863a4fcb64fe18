using System.Net;

namespace NetScope.Core.Transports;

/// <summary>
/// A connection as a protocol sees it (Twisted's <c>ITransport</c>): bytes are thrown over the
/// wall with <see cref="IConsumer.Write"/>, to arrive at some indeterminate time, in order.
/// Implementations also act as the push producer of the data they receive: pausing the
/// transport stops <c>DataReceived</c> calls until it is resumed.
/// </summary>
/// <remarks>All members must be called on the reactor thread.</remarks>
public interface ITransport : IConsumer, IPushProducer
{
    /// <summary>Sends several buffers in order, as one vectored write where the platform allows.</summary>
    void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data);

    /// <summary>
    /// Closes the connection after everything written so far has been sent (and, with a
    /// registered producer, after it has been unregistered). The protocol's
    /// <c>ConnectionLost</c> follows.
    /// </summary>
    void LoseConnection();

    /// <summary>Closes the connection at once, discarding unsent data; a TCP peer sees a reset.</summary>
    void AbortConnection();

    /// <summary>The address of the other side.</summary>
    EndPoint GetPeer();

    /// <summary>The address of this side.</summary>
    EndPoint GetHost();

    /// <summary>
    /// Where the transport stands and what has passed through it, for views and traces.
    /// Counters are cumulative; the object is live (read it on the reactor thread).
    /// </summary>
    TransportStats Stats { get; }
}
