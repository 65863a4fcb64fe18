using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Snapshots;

/// <summary>A copy of one listener, safe to read on any thread.</summary>
public sealed record ListenerSnapshot
{
    /// <summary>The listener's number.</summary>
    public required long Id { get; init; }

    /// <summary>What it accepts ("tcp" for line/raw stream sessions, or a protocol's name).</summary>
    public required string Kind { get; init; }

    /// <summary>What was asked for ("127.0.0.1:0").</summary>
    public required string Target { get; init; }

    /// <summary>Its state.</summary>
    public required ListenerState State { get; init; }

    /// <summary>The bound address, once listening.</summary>
    public string? Address { get; init; }

    /// <summary>When it started, in seconds since the workspace started.</summary>
    public required double StartTime { get; init; }

    /// <summary>When it stopped, if it has.</summary>
    public double? EndTime { get; init; }

    /// <summary>Why it stopped, if it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>The sessions it accepted that the workspace still remembers.</summary>
    public required IReadOnlyList<long> Accepted { get; init; }

    /// <summary>Its notes (what it accepted, when it stopped).</summary>
    public required TranscriptSnapshot Transcript { get; init; }

    /// <summary>Its Deferreds (stopping, for example).</summary>
    public required IReadOnlyList<DeferredSnapshot> Deferreds { get; init; }
}
