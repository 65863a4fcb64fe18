using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Events;

/// <summary>A listener entered another state.</summary>
/// <param name="ListenerId">The listener.</param>
/// <param name="State">The state entered.</param>
/// <param name="Address">The bound address once listening ("127.0.0.1:40123").</param>
/// <param name="Reason">Why, for stops and failures.</param>
public sealed record ListenerStateChanged(long ListenerId, ListenerState State, string? Address, string? Reason) : WorkspaceEvent;
