namespace NetScope.Sessions.Deferreds;

/// <summary>What is known of one link of a tracked Deferred's chain (reactor thread).</summary>
internal sealed class DeferredLinkRecord
{
    public DeferredLinkRecord(int index, DeferredLinkKind kind, string callback, string errback)
    {
        Index = index;
        Kind = kind;
        Callback = callback;
        Errback = errback;
    }

    public int Index { get; }

    public DeferredLinkKind Kind { get; set; }

    public string Callback { get; set; }

    public string Errback { get; set; }

    /// <summary>The link resumes an async method (an <c>await</c> of this Deferred).</summary>
    public bool IsAwait { get; set; }

    /// <summary>For an await link: the Deferred of the <c>async Deferred</c> method it resumes, if tracked.</summary>
    public DeferredRecord? Resumes { get; set; }

    /// <summary>A one-line summary of the result the link received, once reached.</summary>
    public string? Input { get; set; }

    public bool InputIsFailure { get; set; }

    public bool Reached { get; set; }

    public bool OnErrbackPath { get; set; }

    public bool Ran { get; set; }

    public string? Outcome { get; set; }

    public bool OutcomeIsFailure { get; set; }

    /// <summary>The Deferred the link's function returned, when the chain had to wait on it.</summary>
    public DeferredRecord? WaitingOn { get; set; }

    /// <summary>For a continuation: the Deferred that receives the result.</summary>
    public DeferredRecord? HandsTo { get; set; }

    public double Duration { get; set; }

    /// <summary>The name of the function for the path the link was reached on (or, before that, the most telling one).</summary>
    public string Name => Reached
        ? (OnErrbackPath ? Errback : Callback)
        : Callback != "passthru" ? Callback : Errback;

    public DeferredLinkSnapshot ToSnapshot() => new()
    {
        Index = Index,
        Kind = Kind,
        Callback = Callback,
        Errback = Errback,
        Reached = Reached,
        OnErrbackPath = Reached ? OnErrbackPath : null,
        Ran = Ran,
        Outcome = Outcome,
        OutcomeIsFailure = OutcomeIsFailure,
        WaitingOn = WaitingOn?.Number,
        HandsTo = HandsTo?.Number,
        Duration = Duration,
        IsAwait = IsAwait,
        Input = Input,
        InputIsFailure = InputIsFailure,
    };
}
