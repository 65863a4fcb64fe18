namespace NetScope.Sessions.Deferreds;

/// <summary>Where a Deferred stands, as chain views show it.</summary>
public enum DeferredState
{
    /// <summary>Not fired yet.</summary>
    Pending,

    /// <summary>Fired, but paused by <c>Pause</c> (its chain does not run).</summary>
    Paused,

    /// <summary>
    /// Waiting on another Deferred: fired, and one of its callbacks returned that one; or not
    /// fired, and the <c>async Deferred</c> method it belongs to awaits that one (or it was
    /// chained to that one with <c>ChainDeferred</c>).
    /// </summary>
    Waiting,

    /// <summary>It was fired with a value (its chain may since have failed: see the unhandled flag and the links).</summary>
    Succeeded,

    /// <summary>It was fired with a failure (an errback may since have handled it).</summary>
    Failed,

    /// <summary>Cancelled before it fired: it fired with a failure after <c>Cancel</c> was called.</summary>
    Cancelled,
}
