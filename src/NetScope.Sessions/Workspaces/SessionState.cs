namespace NetScope.Sessions.Workspaces;

/// <summary>Where a session is in its life.</summary>
public enum SessionState
{
    /// <summary>Resolving and connecting (and, for TLS, handshaking when the kind says it opens after it).</summary>
    Connecting,

    /// <summary>Connected and usable.</summary>
    Open,

    /// <summary>Asked to close: flushing what is buffered.</summary>
    Closing,

    /// <summary>Ended cleanly.</summary>
    Closed,

    /// <summary>Ended by an error (refused, reset, timed out, ...); the end reason says which.</summary>
    Failed,
}
