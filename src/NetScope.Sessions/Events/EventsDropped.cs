namespace NetScope.Sessions.Events;

/// <summary>
/// The consumer fell behind and <paramref name="Count"/> events were not queued for it at this
/// point of the stream (counter events are never dropped: they are merged).
/// </summary>
/// <param name="Count">How many events were lost here.</param>
public sealed record EventsDropped(long Count) : WorkspaceEvent;
