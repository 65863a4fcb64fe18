namespace NetScope.Core.Transports;

/// <summary>A destination for data from an <see cref="IProducer"/> (Twisted's <c>IConsumer</c>).</summary>
public interface IConsumer
{
    /// <summary>
    /// Attaches <paramref name="producer"/>. A streaming producer (an <see cref="IPushProducer"/>)
    /// is paused when the consumer's buffer passes its high-water mark and resumed when it
    /// drains; a pull producer (an <see cref="IPullProducer"/>) is asked for a chunk whenever
    /// the buffer is empty.
    /// </summary>
    /// <exception cref="InvalidOperationException">A producer is already registered.</exception>
    void RegisterProducer(IProducer producer, bool streaming);

    /// <summary>Detaches the registered producer, if any.</summary>
    void UnregisterProducer();

    /// <summary>
    /// Sends <paramref name="data"/>, in order with earlier writes. The bytes are copied if
    /// they cannot be sent at once, so the caller may reuse its buffer when this returns.
    /// </summary>
    void Write(ReadOnlySpan<byte> data);
}
