using NetScope.Core.Defer;
using NetScope.Sessions.Formatting;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Transcripts;

namespace NetScope.Cli.Streams;

/// <summary>
/// Shows a stream session on the terminal: received lines (line mode), received bytes (raw
/// mode) or a hex dump of both directions on stdout; connection events on stderr when verbose.
/// </summary>
internal sealed class StreamOutput : IStreamSessionListener
{
    private readonly ByteOutput _out;
    private readonly TextWriter _err;
    private readonly bool _hex;
    private readonly bool _verbose;
    private readonly string _target;
    private long _sentOffset;
    private long _receivedOffset;

    public StreamOutput(ByteOutput output, TextWriter error, bool hex, bool verbose, string target)
    {
        _out = output;
        _err = error;
        _hex = hex;
        _verbose = verbose;
        _target = target;
    }

    public void Connected(StreamSession session)
    {
        if (_verbose)
        {
            _err.WriteLine($"{CliErrors.Prefix}connected to {_target} ({session.Transport.GetHost()} -> {session.Transport.GetPeer()})");
        }
    }

    public void Data(StreamSession session, Direction direction, ReadOnlySpan<byte> data)
    {
        if (_hex)
        {
            var sent = direction == Direction.Sent;
            foreach (var line in HexDump.Format(data, sent ? _sentOffset : _receivedOffset, sent ? "> " : "< "))
            {
                _out.WriteLine(line);
            }

            _out.Flush();
        }
        else if (direction == Direction.Received && session.Mode == StreamMode.Raw)
        {
            _out.Write(data);
            _out.Flush();
        }

        if (direction == Direction.Sent)
        {
            _sentOffset += data.Length;
        }
        else
        {
            _receivedOffset += data.Length;
        }
    }

    public void Line(StreamSession session, ReadOnlySpan<byte> line, bool complete)
    {
        if (_hex)
        {
            return;
        }

        _out.Write(line);
        if (complete)
        {
            _out.Write("\n"u8);
        }

        _out.Flush();
    }

    public void Note(StreamSession session, string text)
    {
        if (_verbose)
        {
            _err.WriteLine($"{CliErrors.Prefix}{text}");
        }
    }

    public void Closed(StreamSession session, Failure reason) => _out.Flush();
}
