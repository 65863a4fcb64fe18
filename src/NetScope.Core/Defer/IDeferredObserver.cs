namespace NetScope.Core.Defer;

/// <summary>
/// Receives what happens inside every <see cref="Deferred"/> while it is attached with
/// <see cref="Deferred.SetObserver"/>: the raw material for live chain views and traces.
/// </summary>
/// <remarks>
/// Calls arrive on the thread that runs the Deferred (the reactor thread in practice), except
/// <see cref="UnhandledFailureFinalized"/>, which arrives on the garbage collector's finalizer
/// thread. Implementations must be quick and must not throw: an observer that throws is
/// detached and the error is logged. With no observer attached a Deferred pays one null check
/// per operation.
/// </remarks>
public interface IDeferredObserver
{
    /// <summary>A Deferred was constructed.</summary>
    void Created(Deferred deferred);

    /// <summary>
    /// A link was added to the chain at position <paramref name="index"/> (0 is the first link
    /// ever added). Either delegate may be <see langword="null"/>, meaning "pass through".
    /// Use <see cref="CallableNames.Describe"/> for a readable name.
    /// </summary>
    void CallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback);

    /// <summary><see cref="Deferred.Callback"/> or <see cref="Deferred.Errback(Failure)"/> was called with <paramref name="result"/>.</summary>
    void Fired(Deferred deferred, object? result);

    /// <summary>A link of the chain ran (or was passed through); see <see cref="DeferredStep"/>.</summary>
    void StepRan(Deferred deferred, in DeferredStep step);

    /// <summary>The Deferred's pause count changed (by <see cref="Deferred.Pause"/>, <see cref="Deferred.Unpause"/>, or by waiting on another Deferred).</summary>
    void PauseChanged(Deferred deferred, int pauseCount);

    /// <summary>
    /// <paramref name="deferred"/> now waits for <paramref name="waitingOn"/> to fire: one of its
    /// callbacks returned <paramref name="waitingOn"/> (the last link of <paramref name="waitingOn"/>
    /// hands the result back), or <c>waitingOn.ChainDeferred(deferred)</c> was called (the last
    /// link of <paramref name="waitingOn"/> fires <paramref name="deferred"/>).
    /// </summary>
    void Chained(Deferred deferred, Deferred waitingOn);

    /// <summary>
    /// The <c>async Deferred</c> method whose Deferred is <paramref name="deferred"/> suspended on
    /// <c>await <paramref name="awaited"/></c>: <paramref name="deferred"/> waits on
    /// <paramref name="awaited"/> until the link at <paramref name="linkIndex"/> of
    /// <paramref name="awaited"/> (added right after this call) runs and resumes the method.
    /// Unlike <see cref="Chained"/>, <paramref name="deferred"/> has not fired: the wait is the
    /// method's, and its result comes from the method's end, not from <paramref name="awaited"/>.
    /// </summary>
    /// <remarks>Does nothing by default, for observers written before this event existed.</remarks>
    void Awaiting(Deferred deferred, Deferred awaited, int linkIndex)
    {
    }

    /// <summary><see cref="Deferred.Cancel"/> was called while the Deferred had not fired.</summary>
    void Cancelled(Deferred deferred);

    /// <summary>
    /// The chain ran out of links with a <see cref="Failure"/> as its result: unless someone
    /// adds an errback later, this failure is unhandled. Reported at once, not at collection.
    /// </summary>
    void FailureLeftUnhandled(Deferred deferred, Failure failure);

    /// <summary>A failure earlier reported by <see cref="FailureLeftUnhandled"/> has since been handled.</summary>
    void UnhandledFailureCleared(Deferred deferred);

    /// <summary>A Deferred was garbage-collected with an unhandled failure (on the finalizer thread).</summary>
    void UnhandledFailureFinalized(long deferredId, string? label, Failure failure);
}
