using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Health;

namespace NetScope.Tui.Model;

/// <summary>
/// Everything the UI draws, at one moment: published by the feed (latest wins), read by the UI
/// thread at its fixed frame rate. Immutable, except the transcript buffer, which locks.
/// </summary>
internal sealed record ModelFrame
{
    /// <summary>Grows with every frame published.</summary>
    public required long Version { get; init; }

    /// <summary>Workspace time (seconds since it started) when the frame was built.</summary>
    public required double Time { get; init; }

    /// <summary>The reactor's name.</summary>
    public required string Reactor { get; init; }

    /// <summary>Reactor time to wall clock.</summary>
    public required ModelClock Clock { get; init; }

    /// <summary>Every session and listener, by number.</summary>
    public required IReadOnlyList<EntryRow> Rows { get; init; }

    /// <summary>The entry the details and transcript are about.</summary>
    public long? SelectedId { get; init; }

    /// <summary>Details of the selected entry, once fetched.</summary>
    public DetailModel? Detail { get; init; }

    /// <summary>The selected entry's transcript, once fetched.</summary>
    public TranscriptBuffer? Transcript { get; init; }

    /// <summary>The latest loop health sample.</summary>
    public LoopHealthSample? Health { get; init; }

    /// <summary>Recent loop health samples, oldest first.</summary>
    public required IReadOnlyList<LoopHealthSample> RecentHealth { get; init; }

    /// <summary>The watchdog's list.</summary>
    public required IReadOnlyList<DeferredSnapshot> Stalled { get; init; }

    /// <summary>How the feed keeps up.</summary>
    public required FeedStats Stats { get; init; }

    /// <summary>An empty workspace.</summary>
    public static ModelFrame Empty { get; } = new()
    {
        Version = 0,
        Time = 0,
        Reactor = "-",
        Clock = ModelClock.Epoch,
        Rows = [],
        RecentHealth = [],
        Stalled = [],
        Stats = FeedStats.None,
    };
}
