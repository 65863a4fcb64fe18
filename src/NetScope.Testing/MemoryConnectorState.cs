namespace NetScope.Testing;

/// <summary>Where a <see cref="MemoryConnector"/> stands.</summary>
public enum MemoryConnectorState
{
    /// <summary>Not connecting and not connected.</summary>
    Disconnected,

    /// <summary>An attempt is in progress: complete or fail it from the test.</summary>
    Connecting,

    /// <summary>Connected to a protocol.</summary>
    Connected,
}
