namespace NetScope.Tui.Model;

/// <summary>How the UI's feed keeps up, for the Loop tab.</summary>
/// <param name="Frames">Frames published.</param>
/// <param name="EventsRead">Events read from the workspace.</param>
/// <param name="EventsLost">Events the feed fell too far behind to receive (it resynchronized from a snapshot each time).</param>
/// <param name="Resyncs">Full snapshots taken to rebuild the list.</param>
/// <param name="LastFetchMillis">How long the latest snapshot of the selected entry took, round trip through the reactor.</param>
internal sealed record FeedStats(long Frames, long EventsRead, long EventsLost, long Resyncs, double LastFetchMillis)
{
    /// <summary>Nothing yet.</summary>
    public static FeedStats None { get; } = new(0, 0, 0, 0, 0);
}
