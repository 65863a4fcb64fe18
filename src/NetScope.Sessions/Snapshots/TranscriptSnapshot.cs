using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Snapshots;

/// <summary>A copy of the tail of a transcript and its counters.</summary>
public sealed record TranscriptSnapshot
{
    /// <summary>Bytes ever sent.</summary>
    public required long TotalSent { get; init; }

    /// <summary>Bytes ever received.</summary>
    public required long TotalReceived { get; init; }

    /// <summary>Bytes dropped from the front to stay within the cap ("N bytes dropped").</summary>
    public required long DroppedBytes { get; init; }

    /// <summary>Entries dropped from the front.</summary>
    public required long DroppedEntries { get; init; }

    /// <summary>The sequence number of the oldest entry the transcript still holds.</summary>
    public required long FirstSequence { get; init; }

    /// <summary>The sequence number the next entry will get.</summary>
    public required long NextSequence { get; init; }

    /// <summary>The entries copied (the newest ones, up to the snapshot's limit, from the sequence asked for).</summary>
    public required IReadOnlyList<TranscriptEntry> Entries { get; init; }
}
