namespace NetScope.Core.Observation;

/// <summary>
/// The ambient "whose code is running" marker that observers use to attribute what is created
/// (Deferreds, transports) to an owner such as a session. An owner enters its scope around its
/// own code (a protocol's entry points); timed calls, calls from threads and the callbacks of a
/// Deferred created in a scope carry it to where they run, so work that continues later is still
/// attributed to the code that started it.
/// </summary>
/// <remarks>
/// The scope is per thread and costs one thread-static read where it is carried; with nothing
/// ever entered it stays <see langword="null"/> and nothing is wrapped. The owner is opaque to the
/// core: only the observer that entered it knows what it is.
/// </remarks>
public static class ObservationScope
{
    [ThreadStatic]
    private static object? _current;

    /// <summary>The owner whose code is running on this thread, or <see langword="null"/>.</summary>
    public static object? Current => _current;

    /// <summary>
    /// Makes <paramref name="owner"/> current on this thread until the returned frame is disposed,
    /// which restores the previous owner. Use it with <c>using</c>.
    /// </summary>
    public static Frame Enter(object? owner)
    {
        var previous = _current;
        _current = owner;
        return new Frame(previous);
    }

    /// <summary>
    /// Returns <paramref name="action"/> bound to the current owner: when it runs later (on any
    /// thread) that owner is current during the call. Without a current owner the action is
    /// returned as is, so nothing is allocated.
    /// </summary>
    public static Action Bind(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var owner = _current;
        if (owner is null)
        {
            return action;
        }

        return () =>
        {
            var previous = _current;
            _current = owner;
            try
            {
                action();
            }
            finally
            {
                _current = previous;
            }
        };
    }

    /// <summary>Swaps the current owner for <paramref name="owner"/> and returns the previous one (for hot paths that restore it themselves).</summary>
    internal static object? Swap(object? owner)
    {
        var previous = _current;
        _current = owner;
        return previous;
    }

    /// <summary>Restores the owner returned by <see cref="Enter"/> when disposed.</summary>
    public readonly struct Frame : IDisposable
    {
        private readonly object? _previous;

        internal Frame(object? previous)
        {
            _previous = previous;
        }

        /// <summary>Makes the previous owner current again.</summary>
        public void Dispose() => _current = _previous;
    }
}
