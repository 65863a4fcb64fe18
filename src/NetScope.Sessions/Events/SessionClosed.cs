using NetScope.Sessions.Timing;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Events;

/// <summary>A session ended, cleanly or not; its phase timings are final.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="State"><see cref="SessionState.Closed"/> or <see cref="SessionState.Failed"/>.</param>
/// <param name="Reason">Why (one line).</param>
/// <param name="Timing">The session's phase timings.</param>
public sealed record SessionClosed(long SessionId, SessionState State, string? Reason, PhaseTimings Timing) : WorkspaceEvent;
