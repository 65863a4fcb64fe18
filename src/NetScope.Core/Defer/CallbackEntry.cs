namespace NetScope.Core.Defer;

/// <summary>
/// One link of a Deferred's chain: a callback and an errback (either may be a pass-through),
/// or the internal marker that hands the result to a Deferred waiting on this one.
/// </summary>
/// <remarks>
/// Two references, not three: the waiting Deferred shares the errback's slot and a sentinel in
/// the callback's slot marks such a link, as Twisted marks it with <c>_CONTINUE</c>. That keeps
/// the chain's array small and costs two write barriers per stored link instead of three.
/// </remarks>
internal readonly struct CallbackEntry
{
    /// <summary>Marks a link that hands the result on; compared by reference, never called.</summary>
    private static readonly Func<object?, object?> ContinueMarker =
        static _ => throw new InvalidOperationException("The continuation marker is never called.");

    private readonly Func<object?, object?>? _callback;

    /// <summary>The errback (a <see cref="Func{Failure, Object}"/>), or the waiting Deferred when <see cref="_callback"/> is the marker.</summary>
    private readonly object? _errbackOrWaiter;

    public CallbackEntry(Func<object?, object?>? callback, Func<Failure, object?>? errback)
    {
        _callback = callback;
        _errbackOrWaiter = errback;
    }

    public CallbackEntry(Deferred continuation)
    {
        _callback = ContinueMarker;
        _errbackOrWaiter = continuation;
    }

    /// <summary>Runs on a success result; <see langword="null"/> passes the result through. Only for links that are not <see cref="Continuation"/>s.</summary>
    public Func<object?, object?>? Callback => _callback;

    /// <summary>Runs on a <see cref="Failure"/>; <see langword="null"/> passes the failure through. Only for links that are not <see cref="Continuation"/>s.</summary>
    public Func<Failure, object?>? Errback => (Func<Failure, object?>?)_errbackOrWaiter;

    /// <summary>When set, this link gives the result to that Deferred (Twisted's <c>_CONTINUE</c>).</summary>
    public Deferred? Continuation => ReferenceEquals(_callback, ContinueMarker) ? (Deferred)_errbackOrWaiter! : null;
}
