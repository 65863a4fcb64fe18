namespace NetScope.Sessions.Deferreds;

/// <summary>Where a Deferred stands, as chain views show it.</summary>
public enum DeferredState
{
    /// <summary>Not fired yet.</summary>
    Pending,

    /// <summary>Fired, but paused by <c>Pause</c> (its chain does not run).</summary>
    Paused,

    /// <summary>Fired, and waiting on another Deferred that one of its callbacks returned.</summary>
    Waiting,

    /// <summary>Its chain has run and its result is a value.</summary>
    Succeeded,

    /// <summary>Its chain has run and its result is a failure.</summary>
    Failed,

    /// <summary>Cancelled before it fired (its result is the cancellation failure).</summary>
    Cancelled,
}
