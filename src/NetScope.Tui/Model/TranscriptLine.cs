using NetScope.Sessions.Transcripts;

namespace NetScope.Tui.Model;

/// <summary>One line of the transcript view, before it is drawn. Safe to keep: the bytes are never changed.</summary>
/// <param name="Kind">Data, a note, or the dropped-data marker.</param>
/// <param name="Direction">Which way the data went (<see cref="Direction.Note"/> for notes and markers).</param>
/// <param name="Time">When the entry was recorded, on the reactor clock (seconds).</param>
/// <param name="First"><see langword="true"/> on the first line of an entry (the one that shows its time).</param>
/// <param name="Offset">Where <paramref name="Bytes"/> start in their direction's byte stream.</param>
/// <param name="Bytes">The bytes of this line (a text segment, or a hex row of up to 16).</param>
/// <param name="Text">The text of a note or marker.</param>
internal readonly record struct TranscriptLine(
    TranscriptLineKind Kind,
    Direction Direction,
    double Time,
    bool First,
    long Offset,
    ReadOnlyMemory<byte> Bytes,
    string? Text);
