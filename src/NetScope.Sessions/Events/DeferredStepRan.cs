namespace NetScope.Sessions.Events;

/// <summary>A link of a Deferred's chain was reached: its function ran, or the result passed through.</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred.</param>
/// <param name="Index">The link's position in the chain.</param>
/// <param name="OnErrbackPath"><see langword="true"/> when the link was reached with a failure.</param>
/// <param name="Ran"><see langword="false"/> when the link had no function for that path (the result passed through).</param>
/// <param name="Name">The readable name of the function for that path.</param>
/// <param name="Outcome">A one-line summary of the chain's result after the link.</param>
/// <param name="Failed"><see langword="true"/> when that result is a failure.</param>
/// <param name="WaitingOn">When the function returned an unfired Deferred: the number of the Deferred the chain now waits on.</param>
/// <param name="DurationSeconds">How long the function ran.</param>
public sealed record DeferredStepRan(
    long EntryId,
    long DeferredId,
    int Index,
    bool OnErrbackPath,
    bool Ran,
    string Name,
    string Outcome,
    bool Failed,
    long? WaitingOn,
    double DurationSeconds) : WorkspaceEvent;
