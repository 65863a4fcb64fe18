using NetScope.Core.Defer;
using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Streams;

/// <summary>
/// Receives what happens in a <see cref="StreamSession"/>, on the reactor thread: the CLI's
/// renderers and the workspace model both listen this way. Spans are valid during the call only.
/// </summary>
public interface IStreamSessionListener
{
    /// <summary>The connection is up.</summary>
    void Connected(StreamSession session);

    /// <summary>Bytes went out or came in (always reported, whatever the mode).</summary>
    void Data(StreamSession session, Direction direction, ReadOnlySpan<byte> data);

    /// <summary>
    /// In line mode: a line arrived, without its line ending. <paramref name="complete"/> is
    /// <see langword="false"/> for a partial line shown after a pause (the rest follows as another line).
    /// </summary>
    void Line(StreamSession session, ReadOnlySpan<byte> line, bool complete);

    /// <summary>Something worth showing happened that is not data ("peer finished sending", "TLS established").</summary>
    void Note(StreamSession session, string text);

    /// <summary>The connection is gone; <paramref name="reason"/> says why.</summary>
    void Closed(StreamSession session, Failure reason);
}
