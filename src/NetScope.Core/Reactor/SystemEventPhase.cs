namespace NetScope.Core.Reactor;

/// <summary>The three phases of a system event, run in this order.</summary>
public enum SystemEventPhase
{
    /// <summary>Before the event: services prepare (for shutdown: stop accepting work).</summary>
    Before,

    /// <summary>The event itself (for shutdown: the reactor closes ports and connections).</summary>
    During,

    /// <summary>After the event: last clean-up.</summary>
    After,
}
