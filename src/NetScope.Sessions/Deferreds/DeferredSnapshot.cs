namespace NetScope.Sessions.Deferreds;

/// <summary>A Deferred attributed to a session or listener, with its chain, copied for any thread.</summary>
public sealed record DeferredSnapshot
{
    /// <summary>The Deferred's number in the workspace (the <c>#N</c> of chain views; cancel it by this number).</summary>
    public required long Id { get; init; }

    /// <summary>The session or listener it is attributed to.</summary>
    public required long EntryId { get; init; }

    /// <summary>Its label ("connect 127.0.0.1:7"), if any.</summary>
    public string? Label { get; init; }

    /// <summary>Where it was created (innermost frame), when creation sites are captured.</summary>
    public string? CreationSite { get; init; }

    /// <summary>The whole creation stack, when creation sites are captured.</summary>
    public string? CreationStack { get; init; }

    /// <summary>Where it stands.</summary>
    public required DeferredState State { get; init; }

    /// <summary>The Deferred it waits on, while <see cref="State"/> is <see cref="DeferredState.Waiting"/>.</summary>
    public long? WaitingOn { get; init; }

    /// <summary>When it was created, in seconds since the workspace started.</summary>
    public required double CreatedAt { get; init; }

    /// <summary>When it was fired, if it has been.</summary>
    public double? FiredAt { get; init; }

    /// <summary>When its chain last ran to the end (not paused, not waiting), if it has.</summary>
    public double? SettledAt { get; init; }

    /// <summary>Its age at the snapshot, in seconds.</summary>
    public required double Age { get; init; }

    /// <summary>A one-line summary of its current result (or of the one it handed on), once fired.</summary>
    public string? Outcome { get; init; }

    /// <summary>Whether that result is a failure.</summary>
    public required bool OutcomeIsFailure { get; init; }

    /// <summary>A one-line summary of the result it was fired with (how it fired), once fired.</summary>
    public string? FiredOutcome { get; init; }

    /// <summary>Whether it was fired with a failure (<see cref="DeferredState.Failed"/> or <see cref="DeferredState.Cancelled"/>).</summary>
    public bool FiredWithFailure { get; init; }

    /// <summary>When it fired with a failure that an errback then handled: that link ("eb Client.Retry").</summary>
    public string? HandledBy { get; init; }

    /// <summary>The Deferred its result was handed to (it waited on this one), if any.</summary>
    public long? HandedTo { get; init; }

    /// <summary><see langword="true"/> while its chain ends in a failure no errback has handled.</summary>
    public required bool Unhandled { get; init; }

    /// <summary><see langword="true"/> once <c>Cancel</c> was called on it before it fired.</summary>
    public required bool CancelRequested { get; init; }

    /// <summary>Its chain, in order (at most the workspace's per-Deferred limit).</summary>
    public required IReadOnlyList<DeferredLinkSnapshot> Links { get; init; }

    /// <summary>Links beyond that limit, not shown.</summary>
    public required int LinksNotShown { get; init; }

    /// <summary>How long it took from creation to settling (or to firing), if it has; else <see langword="null"/>.</summary>
    public double? Elapsed => (SettledAt ?? FiredAt) is { } end ? end - CreatedAt : null;
}
