namespace NetScope.Sessions.Events;

/// <summary>A listener was created (before it binds).</summary>
/// <param name="ListenerId">The listener's number in the workspace (sessions and listeners share the numbering).</param>
/// <param name="Kind">What it accepts: "tcp" (stream sessions), or the kind its starter names.</param>
/// <param name="Target">What was asked for ("127.0.0.1:0").</param>
public sealed record ListenerOpened(long ListenerId, string Kind, string Target) : WorkspaceEvent;
