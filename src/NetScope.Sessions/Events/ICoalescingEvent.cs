namespace NetScope.Sessions.Events;

/// <summary>
/// An event that reports counters: while a consumer has not read one yet, a later event with
/// the same key is merged into it (counters summed, totals replaced) instead of being queued.
/// </summary>
internal interface ICoalescingEvent
{
    /// <summary>What the counters are about: events with equal keys merge.</summary>
    (Type Type, long Entry, long Item) CoalescingKey { get; }

    /// <summary>This event with <paramref name="later"/> (same key) folded in.</summary>
    WorkspaceEvent Merge(WorkspaceEvent later);
}
