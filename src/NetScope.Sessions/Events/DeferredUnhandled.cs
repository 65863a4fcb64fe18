namespace NetScope.Sessions.Events;

/// <summary>
/// A Deferred's chain ran out of links with a failure as its result: unless an errback is added
/// later, the failure is unhandled. Published the moment it happens, with the chain.
/// </summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
/// <param name="Failure">The failure, one line ("ExpectationFailedException: ...").</param>
/// <param name="Chain">The Deferred's chain tree, rendered as text lines.</param>
public sealed record DeferredUnhandled(long EntryId, long DeferredId, string Failure, IReadOnlyList<string> Chain) : WorkspaceEvent;
