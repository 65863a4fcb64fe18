namespace NetScope.Sessions.Events;

/// <summary>A session was created (before it connects).</summary>
/// <param name="SessionId">The session's number in the workspace.</param>
/// <param name="Kind">What kind of session: "tcp", later "tls", "http".</param>
/// <param name="Target">What it talks to ("127.0.0.1:7"); for an accepted connection, the peer.</param>
/// <param name="ListenerId">For a connection accepted by a listener, that listener's number.</param>
public sealed record SessionOpened(long SessionId, string Kind, string Target, long? ListenerId) : WorkspaceEvent;
