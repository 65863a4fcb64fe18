using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Health;

namespace NetScope.Sessions.Snapshots;

/// <summary>A bounded copy of a workspace at one moment, safe to read on any thread.</summary>
public sealed record WorkspaceSnapshot
{
    /// <summary>When it was taken, in seconds since the workspace started.</summary>
    public required double Time { get; init; }

    /// <summary>The reactor's name ("epoll", "portable").</summary>
    public required string Reactor { get; init; }

    /// <summary>The sessions the workspace remembers, by number.</summary>
    public required IReadOnlyList<SessionSnapshot> Sessions { get; init; }

    /// <summary>The listeners, by number.</summary>
    public required IReadOnlyList<ListenerSnapshot> Listeners { get; init; }

    /// <summary>The latest loop health sample, once one was taken.</summary>
    public LoopHealthSample? Health { get; init; }

    /// <summary>Recent loop health samples, oldest first.</summary>
    public required IReadOnlyList<LoopHealthSample> RecentHealth { get; init; }

    /// <summary>The watchdog's list: Deferreds pending longer than the threshold, oldest first.</summary>
    public required IReadOnlyList<DeferredSnapshot> Stalled { get; init; }

    /// <summary>Events published so far on the workspace's stream.</summary>
    public required long EventsPublished { get; init; }
}
