namespace NetScope.Core.Transports;

/// <summary>The state of the producer registered with a transport.</summary>
public enum ProducerState
{
    /// <summary>No producer is registered.</summary>
    None,

    /// <summary>A producer is registered and producing.</summary>
    Streaming,

    /// <summary>The producer is paused because the write buffer is above its high-water mark.</summary>
    Paused,

    /// <summary>The producer has been stopped.</summary>
    Stopped,
}
