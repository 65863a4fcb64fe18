namespace NetScope.Tui.Model;

/// <summary>What a line of the transcript view is.</summary>
internal enum TranscriptLineKind
{
    /// <summary>Bytes sent or received.</summary>
    Data,

    /// <summary>A note ("connection closed").</summary>
    Note,

    /// <summary>The marker where the transcript ring dropped data.</summary>
    Dropped,
}
