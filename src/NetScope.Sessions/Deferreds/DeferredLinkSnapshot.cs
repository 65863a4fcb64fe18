namespace NetScope.Sessions.Deferreds;

/// <summary>One link of a Deferred's chain, copied for any thread.</summary>
public sealed record DeferredLinkSnapshot
{
    /// <summary>The link's position in the chain (0 is the first ever added).</summary>
    public required int Index { get; init; }

    /// <summary>A callback pair, or the hand-over to a waiting Deferred.</summary>
    public required DeferredLinkKind Kind { get; init; }

    /// <summary>The callback's readable name ("Session.OnConnected"; "passthru" when none).</summary>
    public required string Callback { get; init; }

    /// <summary>The errback's readable name ("passthru" when none).</summary>
    public required string Errback { get; init; }

    /// <summary><see langword="true"/> once the chain has reached this link.</summary>
    public required bool Reached { get; init; }

    /// <summary>Whether it was reached with a failure (its errback applied); <see langword="null"/> until reached.</summary>
    public bool? OnErrbackPath { get; init; }

    /// <summary><see langword="true"/> when the function for that path ran (<see langword="false"/>: the result passed through).</summary>
    public required bool Ran { get; init; }

    /// <summary>A one-line summary of the chain's result after the link, once reached.</summary>
    public string? Outcome { get; init; }

    /// <summary>Whether that result is a failure.</summary>
    public required bool OutcomeIsFailure { get; init; }

    /// <summary>When the function returned an unfired Deferred: its number (the chain waited on it).</summary>
    public long? WaitingOn { get; init; }

    /// <summary>For a <see cref="DeferredLinkKind.Continuation"/>: the number of the Deferred that receives the result.</summary>
    public long? HandsTo { get; init; }

    /// <summary>How long the function ran, in seconds.</summary>
    public required double Duration { get; init; }

    /// <summary><see langword="true"/> when the link resumes an async method that awaited the Deferred.</summary>
    public bool IsAwait { get; init; }

    /// <summary>A one-line summary of the result the link received, once reached (for an await: what the method got back, or the failure raised in it).</summary>
    public string? Input { get; init; }

    /// <summary>Whether that received result was a failure.</summary>
    public bool InputIsFailure { get; init; }
}
