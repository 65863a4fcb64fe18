namespace NetScope.Sessions.Transcripts;

/// <summary>One entry of a <see cref="Transcript"/>, copied out of its ring.</summary>
/// <param name="Sequence">The entry's number in the session (0 is the first ever appended).</param>
/// <param name="Direction">Sent, received, or a note.</param>
/// <param name="Time">When, on the reactor clock (seconds).</param>
/// <param name="Offset">Where the data starts in its direction's byte stream (0 for notes).</param>
/// <param name="Data">The bytes (empty for notes).</param>
/// <param name="Note">The note's text, for <see cref="Direction.Note"/>.</param>
public sealed record TranscriptEntry(long Sequence, Direction Direction, double Time, long Offset, byte[] Data, string? Note);
