using NetScope.Core.Defer;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Deferreds;

/// <summary>
/// What a workspace knows of one Deferred attributed to one of its entries (reactor thread).
/// Holds the Deferred weakly, so observing never keeps one alive.
/// </summary>
internal sealed class DeferredRecord
{
    private readonly WeakReference<Deferred> _deferred;

    public DeferredRecord(long number, Deferred deferred, WorkspaceEntry owner, double createdAt)
    {
        Number = number;
        DeferredId = deferred.Id;
        _deferred = new WeakReference<Deferred>(deferred);
        Owner = owner;
        CreatedAt = createdAt;
        Label = deferred.Label;
        CreationStack = deferred.CreationSite;
        CreationSite = FirstFrame(CreationStack);
    }

    /// <summary>The workspace's number for it (#N).</summary>
    public long Number { get; }

    /// <summary>The core's process-wide id.</summary>
    public long DeferredId { get; }

    public WorkspaceEntry Owner { get; }

    public double CreatedAt { get; }

    public string? Label { get; private set; }

    public string? CreationSite { get; }

    public string? CreationStack { get; }

    public bool Fired { get; set; }

    public double? FiredAt { get; set; }

    public double? SettledAt { get; set; }

    public int PauseCount { get; set; }

    public DeferredRecord? WaitingOn { get; set; }

    public DeferredRecord? HandedTo { get; set; }

    public string? Outcome { get; set; }

    public bool OutcomeIsFailure { get; set; }

    public bool OutcomeIsCancellation { get; set; }

    /// <summary>The result it was fired with, summarized (how it fired; <see cref="Outcome"/> is the current result).</summary>
    public string? FiredOutcome { get; set; }

    public bool FiredWithFailure { get; set; }

    /// <summary>The errback that handled the failure it fired with ("eb Client.Retry").</summary>
    public string? HandledBy { get; set; }

    /// <summary>An async method told the tracker it awaits this Deferred: the link at that index will resume it.</summary>
    public (int Index, DeferredRecord Method)? PendingAwait { get; set; }

    public bool Unhandled { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary><see langword="false"/> until <c>DeferredCreated</c> has been published (it waits for the label).</summary>
    public bool Announced { get; set; }

    /// <summary>The watchdog has reported it.</summary>
    public bool StallReported { get; set; }

    public List<DeferredLinkRecord> Links { get; } = new();

    public int LinksNotShown { get; set; }

    /// <summary>Where it stands; once fired and idle, how it fired (not what its chain made of that).</summary>
    public DeferredState State =>
        WaitingOn is not null ? DeferredState.Waiting
        : !Fired ? DeferredState.Pending
        : PauseCount > 0 ? DeferredState.Paused
        : FiredWithFailure ? (CancelRequested ? DeferredState.Cancelled : DeferredState.Failed)
        : DeferredState.Succeeded;

    /// <summary>Still doing something: not fired, waiting or paused.</summary>
    public bool Unsettled => State is DeferredState.Pending or DeferredState.Waiting or DeferredState.Paused;

    /// <summary>The Deferred, while something else keeps it alive.</summary>
    public Deferred? Target => _deferred.TryGetTarget(out var deferred) ? deferred : null;

    /// <summary>Reads the label again: it is usually set just after construction.</summary>
    public void RefreshLabel(Deferred deferred) => Label = deferred.Label ?? Label;

    /// <summary>The link at <paramref name="index"/>, creating a placeholder for one added before the Deferred was observed.</summary>
    public DeferredLinkRecord? Link(int index, int maxLinks)
    {
        foreach (var link in Links)
        {
            if (link.Index == index)
            {
                return link;
            }
        }

        if (Links.Count >= maxLinks)
        {
            return null;
        }

        var placeholder = new DeferredLinkRecord(index, DeferredLinkKind.Callbacks, "(added before observation)", "(added before observation)");
        var at = Links.FindIndex(l => l.Index > index);
        Links.Insert(at < 0 ? Links.Count : at, placeholder);
        return placeholder;
    }

    public DeferredSnapshot ToSnapshot(double now) => new()
    {
        Id = Number,
        EntryId = Owner.Id,
        Label = Target?.Label ?? Label,
        CreationSite = CreationSite,
        CreationStack = CreationStack,
        State = State,
        WaitingOn = WaitingOn?.Number,
        CreatedAt = CreatedAt,
        FiredAt = FiredAt,
        SettledAt = SettledAt,
        Age = now - CreatedAt,
        Outcome = Outcome,
        OutcomeIsFailure = OutcomeIsFailure,
        FiredOutcome = FiredOutcome,
        FiredWithFailure = FiredWithFailure,
        HandledBy = HandledBy,
        HandedTo = HandedTo?.Number,
        Unhandled = Unhandled,
        CancelRequested = CancelRequested,
        Links = Links.Select(l => l.ToSnapshot()).ToArray(),
        LinksNotShown = LinksNotShown,
    };

    private static string? FirstFrame(string? stack)
    {
        if (stack is null)
        {
            return null;
        }

        var line = stack.Split('\n', 2)[0].Trim();
        return line.StartsWith("at ", StringComparison.Ordinal) ? line[3..] : line;
    }
}
