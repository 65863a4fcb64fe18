namespace NetScope.Sessions.Events;

/// <summary>A Deferred was paused or unpaused (waiting on another Deferred counts as a pause).</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
/// <param name="PauseCount">Unmatched pauses now in effect (0: running again).</param>
/// <param name="WaitingOn">The Deferred it waits on, if that is why it is paused.</param>
public sealed record DeferredPauseChanged(long EntryId, long DeferredId, int PauseCount, long? WaitingOn) : WorkspaceEvent;
