namespace NetScope.Sessions.Deferreds;

/// <summary>What a link of a Deferred's chain is.</summary>
public enum DeferredLinkKind
{
    /// <summary>A callback/errback pair added with <c>AddCallbacks</c> and friends.</summary>
    Callbacks,

    /// <summary>The internal link that hands the result to a Deferred waiting on this one.</summary>
    Continuation,

    /// <summary>
    /// An <c>await</c> in the <c>async Deferred</c> method whose Deferred this is: the method was
    /// suspended on another Deferred (<see cref="DeferredLinkSnapshot.WaitingOn"/>). Not a link
    /// of the chain; listed before the chain's links, in the order the method awaited.
    /// </summary>
    Await,
}
