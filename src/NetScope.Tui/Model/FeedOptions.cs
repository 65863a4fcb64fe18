namespace NetScope.Tui.Model;

/// <summary>How often and how much the <see cref="WorkspaceFeed"/> reads.</summary>
internal sealed record FeedOptions
{
    /// <summary>The frame period: events are read and a frame is published at most this often. <remarks>Defaults to 100 ms (10 frames a second).</remarks></summary>
    public TimeSpan FrameInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A frame is published at least this often, so ages and pending times move. <remarks>Defaults to 1 second.</remarks></summary>
    public TimeSpan IdleRefresh { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events read per frame (the rest wait for the next frame). <remarks>Defaults to 20,000.</remarks></summary>
    public int MaxEventsPerFrame { get; init; } = 20_000;

    /// <summary>The event queue's capacity; a feed that falls further behind resynchronizes from a snapshot. <remarks>Defaults to 16,384.</remarks></summary>
    public int SubscriptionCapacity { get; init; } = 16_384;

    /// <summary>Loop health samples kept for the graph. <remarks>Defaults to 120.</remarks></summary>
    public int HealthSamplesKept { get; init; } = 120;

    /// <summary>
    /// The most new transcript data fetched per frame: when more arrived since the last frame (a
    /// flood), only the newest part is fetched and a marker says how much was skipped. A screen
    /// shows a few KiB; copying a whole flood into the UI would only churn memory.
    /// <remarks>Defaults to 128 KiB (1.25 MiB a second at 10 frames a second).</remarks>
    /// </summary>
    public int MaxTranscriptBytesPerFrame { get; init; } = 128 * 1024;

    /// <summary>How long a snapshot may take before the feed gives up on it (the reactor may be gone). <remarks>Defaults to 10 seconds.</remarks></summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
