namespace NetScope.Sessions.Events;

/// <summary>A callback/errback pair was added to a Deferred's chain.</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
/// <param name="Index">The link's position in the chain (0 is the first ever added).</param>
/// <param name="Callback">The callback's readable name ("passthru" when none).</param>
/// <param name="Errback">The errback's readable name ("passthru" when none).</param>
public sealed record DeferredLinkAdded(long EntryId, long DeferredId, int Index, string Callback, string Errback) : WorkspaceEvent;
