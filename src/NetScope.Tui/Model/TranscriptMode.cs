namespace NetScope.Tui.Model;

/// <summary>How the transcript view shows data.</summary>
internal enum TranscriptMode
{
    /// <summary>Text, one line per received or sent line, control bytes as escapes.</summary>
    Text,

    /// <summary>A hex dump: offset, 16 bytes in hex, and their ASCII.</summary>
    Hex,
}
