namespace NetScope.Core.Transports;

/// <summary>A source of data for an <see cref="IConsumer"/> (Twisted's <c>IProducer</c>).</summary>
public interface IProducer
{
    /// <summary>Stop producing for good: the consumer is going away.</summary>
    void StopProducing();
}

/// <summary>
/// A producer that writes on its own schedule until told to pause (Twisted's <c>IPushProducer</c>).
/// A transport is one for its read side: pausing it stops delivering received data.
/// </summary>
public interface IPushProducer : IProducer
{
    /// <summary>Stop producing until <see cref="ResumeProducing"/>; the consumer's buffer is full.</summary>
    void PauseProducing();

    /// <summary>Start producing again after <see cref="PauseProducing"/>.</summary>
    void ResumeProducing();
}

/// <summary>
/// A producer that writes one chunk each time it is asked (Twisted's <c>IPullProducer</c>).
/// </summary>
public interface IPullProducer : IProducer
{
    /// <summary>Produce one chunk of data now by writing it to the consumer.</summary>
    void ResumeProducing();
}
