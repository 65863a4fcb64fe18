namespace NetScope.Testing;

/// <summary>A test transport's state in its role as the push producer of received data.</summary>
public enum TransportProducerState
{
    /// <summary>Delivering received data (the initial state).</summary>
    Producing,

    /// <summary>Paused by the protocol.</summary>
    Paused,

    /// <summary>Stopped by the protocol, for good.</summary>
    Stopped,
}
