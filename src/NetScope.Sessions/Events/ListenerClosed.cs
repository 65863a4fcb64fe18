using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Events;

/// <summary>A listener stopped accepting for good (connections it accepted live on as sessions).</summary>
/// <param name="ListenerId">The listener.</param>
/// <param name="State"><see cref="ListenerState.Stopped"/> or <see cref="ListenerState.Failed"/>.</param>
/// <param name="Reason">Why.</param>
public sealed record ListenerClosed(long ListenerId, ListenerState State, string? Reason) : WorkspaceEvent;
