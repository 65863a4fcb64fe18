namespace NetScope.Core.Defer;

/// <summary>What happened when one link of a Deferred's chain was reached.</summary>
public readonly struct DeferredStep
{
    /// <summary>Creates a step record.</summary>
    public DeferredStep(int index, bool onErrbackPath, bool invoked, bool handedToWaiter, object? outcome, long elapsedTicks)
    {
        Index = index;
        OnErrbackPath = onErrbackPath;
        Invoked = invoked;
        HandedToWaiter = handedToWaiter;
        Outcome = outcome;
        ElapsedTicks = elapsedTicks;
    }

    /// <summary>The link's position in the chain (0 is the first link ever added).</summary>
    public int Index { get; }

    /// <summary><see langword="true"/> when the link was reached with a <see cref="Failure"/> (its errback applied).</summary>
    public bool OnErrbackPath { get; }

    /// <summary><see langword="false"/> when the link had no function for this path and the result passed through.</summary>
    public bool Invoked { get; }

    /// <summary><see langword="true"/> for the internal link that hands the result to a Deferred waiting on this one.</summary>
    public bool HandedToWaiter { get; }

    /// <summary>
    /// The chain's result after the link: a value, a <see cref="Failure"/>, or a
    /// <see cref="Deferred"/> the chain now waits on.
    /// </summary>
    public object? Outcome { get; }

    /// <summary>How long the link's function ran, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long ElapsedTicks { get; }
}
