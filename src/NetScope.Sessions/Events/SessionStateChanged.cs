using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Events;

/// <summary>A session entered another state.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="State">The state entered.</param>
/// <param name="Reason">Why, for closes and failures (one line).</param>
public sealed record SessionStateChanged(long SessionId, SessionState State, string? Reason) : WorkspaceEvent;
