namespace NetScope.Sessions.Events;

/// <summary>A Deferred was fired (<c>Callback</c> or <c>Errback</c>).</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
/// <param name="Failed"><see langword="true"/> when fired with a failure.</param>
/// <param name="Result">A one-line summary of the value or failure.</param>
public sealed record DeferredFired(long EntryId, long DeferredId, bool Failed, string Result) : WorkspaceEvent;
