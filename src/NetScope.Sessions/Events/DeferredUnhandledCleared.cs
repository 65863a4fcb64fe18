namespace NetScope.Sessions.Events;

/// <summary>A failure earlier reported as unhandled has since been handled (an errback was added, or the result was taken).</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
public sealed record DeferredUnhandledCleared(long EntryId, long DeferredId) : WorkspaceEvent;
