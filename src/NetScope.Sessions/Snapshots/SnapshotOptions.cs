namespace NetScope.Sessions.Snapshots;

/// <summary>How much a <see cref="WorkspaceSnapshot"/> copies.</summary>
public sealed record SnapshotOptions
{
    /// <summary>The most transcript entries copied per session or listener (the newest). <remarks>Defaults to 100; 0 copies none.</remarks></summary>
    public int TranscriptEntries { get; init; } = 100;

    /// <summary>
    /// Per entry number, the transcript sequence to copy from (a view that already has the
    /// older entries asks only for new ones). Entries not listed copy their newest entries.
    /// </summary>
    public IReadOnlyDictionary<long, long>? TranscriptFrom { get; init; }

    /// <summary>Copy each entry's Deferreds and chains. <remarks>Defaults to <see langword="true"/>.</remarks></summary>
    public bool IncludeDeferreds { get; init; } = true;

    /// <summary>Copy only these entries (by number); <see langword="null"/> copies all. <remarks>Defaults to all.</remarks></summary>
    public IReadOnlySet<long>? Only { get; init; }
}
