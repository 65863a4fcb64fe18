using NetScope.Core.Defer;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>Feeds what a stream session sees into its workspace session: line-mode round trips.</summary>
internal sealed class StreamSessionBinding : IStreamSessionListener
{
    private readonly Session _session;

    public StreamSessionBinding(Session session)
    {
        _session = session;
    }

    public void Connected(StreamSession session)
    {
    }

    public void Data(StreamSession session, Direction direction, ReadOnlySpan<byte> data)
    {
        if (direction != Direction.Sent || session.Mode != StreamMode.Line)
        {
            return;
        }

        var now = _session.Workspace.Now;
        var lines = data.Count((byte)'\n');
        for (var i = 0; i < lines; i++)
        {
            _session.LineRoundTrips.LineSent(now);
        }
    }

    public void Line(StreamSession session, ReadOnlySpan<byte> line, bool complete)
    {
        if (complete)
        {
            _session.LineRoundTrips.LineReceived(_session.Workspace.Now);
        }
    }

    public void Note(StreamSession session, string text)
    {
    }

    public void Closed(StreamSession session, Failure reason)
    {
    }
}
