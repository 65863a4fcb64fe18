namespace NetScope.Sessions.Events;

/// <summary>
/// One thing that happened in a <see cref="Workspaces.Workspace"/>, as published on its event
/// stream (see <see cref="EventSubscription"/>). Every event type is a sealed record deriving
/// from this one; <c>docs/trace-format.md</c> documents each as a JSON line.
/// </summary>
public abstract record WorkspaceEvent
{
    /// <summary>
    /// The event's number in its workspace's stream: it grows along the stream; a gap means
    /// events were merged (counters) or dropped (see <see cref="EventsDropped"/>).
    /// </summary>
    public long Sequence { get; internal set; }

    /// <summary>When it happened, in seconds since the workspace started (reactor clock).</summary>
    public double Time { get; internal set; }
}
