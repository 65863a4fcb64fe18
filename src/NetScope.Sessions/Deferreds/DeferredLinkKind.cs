namespace NetScope.Sessions.Deferreds;

/// <summary>What a link of a Deferred's chain is.</summary>
public enum DeferredLinkKind
{
    /// <summary>A callback/errback pair added with <c>AddCallbacks</c> and friends.</summary>
    Callbacks,

    /// <summary>The internal link that hands the result to a Deferred waiting on this one.</summary>
    Continuation,
}
