namespace NetScope.Sessions.Events;

/// <summary><c>Cancel</c> was called on a Deferred that had not fired.</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
public sealed record DeferredCancelled(long EntryId, long DeferredId) : WorkspaceEvent;
