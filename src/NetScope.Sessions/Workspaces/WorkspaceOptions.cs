using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Workspaces;

/// <summary>Settings of a <see cref="Workspace"/>: what it observes, how often it samples, and how much it keeps.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>The default capacity of an event subscription.</summary>
    public const int DefaultSubscriptionCapacity = 4096;

    /// <summary>
    /// Track the Deferreds that sessions create (chains, watchdog, unhandled failures). This
    /// attaches the process-wide Deferred observer while the workspace lives.
    /// <remarks>Defaults to <see langword="true"/>.</remarks>
    /// </summary>
    public bool ObserveDeferreds { get; init; } = true;

    /// <summary>
    /// Record where each Deferred is created (Deferred debug mode, process-wide while the
    /// workspace lives; it captures a stack trace per Deferred). <remarks>Defaults to <see langword="false"/>.</remarks>
    /// </summary>
    public bool CaptureCreationSites { get; init; }

    /// <summary>How often byte counters are published and the watchdog looks. <remarks>Defaults to 0.25 seconds.</remarks></summary>
    public double SampleIntervalSeconds { get; init; } = 0.25;

    /// <summary>How often TCP_INFO is sampled for open sessions. <remarks>Defaults to 1 second.</remarks></summary>
    public double KernelSampleIntervalSeconds { get; init; } = 1;

    /// <summary>How often the loop's health is sampled. <remarks>Defaults to 1 second.</remarks></summary>
    public double HealthSampleIntervalSeconds { get; init; } = 1;

    /// <summary>A Deferred pending longer than this is reported by the watchdog. <remarks>Defaults to 5 seconds.</remarks></summary>
    public double StallThresholdSeconds { get; init; } = 5;

    /// <summary>The most transcript data held per session or listener; 0 keeps no entries, only counts. <remarks>Defaults to 1 MiB.</remarks></summary>
    public int TranscriptCapacityBytes { get; init; } = Transcript.DefaultCapacityBytes;

    /// <summary>The most Deferreds remembered per session or listener (settled ones are forgotten first). <remarks>Defaults to 256.</remarks></summary>
    public int MaxDeferredsPerEntry { get; init; } = 256;

    /// <summary>The most chain links remembered per Deferred. <remarks>Defaults to 64.</remarks></summary>
    public int MaxLinksPerDeferred { get; init; } = 64;

    /// <summary>The most ended sessions remembered (the oldest are forgotten first). <remarks>Defaults to 256.</remarks></summary>
    public int MaxEndedSessions { get; init; } = 256;

    /// <summary>TCP_INFO samples kept per session. <remarks>Defaults to 120.</remarks></summary>
    public int KernelSamplesKept { get; init; } = 120;

    /// <summary>Loop health samples kept. <remarks>Defaults to 120.</remarks></summary>
    public int HealthSamplesKept { get; init; } = 120;
}
