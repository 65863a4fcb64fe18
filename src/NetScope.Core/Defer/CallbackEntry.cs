namespace NetScope.Core.Defer;

/// <summary>
/// One link of a Deferred's chain: a callback and an errback (either may be a pass-through),
/// or the internal marker that hands the result to a Deferred waiting on this one.
/// </summary>
internal readonly struct CallbackEntry
{
    public CallbackEntry(Func<object?, object?>? callback, Func<Failure, object?>? errback)
    {
        Callback = callback;
        Errback = errback;
        Continuation = null;
    }

    public CallbackEntry(Deferred continuation)
    {
        Callback = null;
        Errback = null;
        Continuation = continuation;
    }

    /// <summary>Runs on a success result; <see langword="null"/> passes the result through.</summary>
    public Func<object?, object?>? Callback { get; }

    /// <summary>Runs on a <see cref="Failure"/>; <see langword="null"/> passes the failure through.</summary>
    public Func<Failure, object?>? Errback { get; }

    /// <summary>When set, this link gives the result to that Deferred (Twisted's <c>_CONTINUE</c>).</summary>
    public Deferred? Continuation { get; }
}
