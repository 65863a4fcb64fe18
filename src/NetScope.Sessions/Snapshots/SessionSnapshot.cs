using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Timing;
using NetScope.Sessions.Transports;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Snapshots;

/// <summary>A copy of one session, safe to read on any thread.</summary>
public sealed record SessionSnapshot
{
    /// <summary>The session's number.</summary>
    public required long Id { get; init; }

    /// <summary>"tcp", later "tls", "http".</summary>
    public required string Kind { get; init; }

    /// <summary>What it talks to (the peer, for an accepted connection).</summary>
    public required string Target { get; init; }

    /// <summary>The listener that accepted it, if any.</summary>
    public long? ListenerId { get; init; }

    /// <summary>Its state.</summary>
    public required SessionState State { get; init; }

    /// <summary>When it started, in seconds since the workspace started.</summary>
    public required double StartTime { get; init; }

    /// <summary>When it ended, if it has.</summary>
    public double? EndTime { get; init; }

    /// <summary>Why it ended, if it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>Line or raw framing, for stream sessions.</summary>
    public StreamMode? Mode { get; init; }

    /// <summary>Bytes of a partial line held in line mode (waiting for its end of line).</summary>
    public int PartialLineBytes { get; init; }

    /// <summary>The longest line held before it is passed on in pieces.</summary>
    public int MaxLineLength { get; init; }

    /// <summary>The transcript's tail and counters.</summary>
    public required TranscriptSnapshot Transcript { get; init; }

    /// <summary>Its transports, bottom layer first.</summary>
    public required IReadOnlyList<TransportSnapshot> Transports { get; init; }

    /// <summary>Recent TCP_INFO samples, oldest first.</summary>
    public required IReadOnlyList<KernelSample> KernelSamples { get; init; }

    /// <summary>Phase timings so far.</summary>
    public required PhaseTimings Timing { get; init; }

    /// <summary>Its Deferreds (empty unless Deferreds are observed and asked for), oldest first.</summary>
    public required IReadOnlyList<DeferredSnapshot> Deferreds { get; init; }

    /// <summary>Deferreds forgotten to stay within the per-session bound.</summary>
    public required int ForgottenDeferreds { get; init; }
}
