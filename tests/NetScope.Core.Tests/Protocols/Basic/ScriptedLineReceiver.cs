using NetScope.Core.Protocols.Basic;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>
/// The C# twin of the oracle script's <c>Scripted</c> LineReceiver: the same reactions to the
/// same lines, logging the same events, so its log must equal Twisted's byte for byte.
/// </summary>
internal sealed class ScriptedLineReceiver : LineReceiver
{
    private readonly byte[][] _delimiters;
    private readonly Clock _clock;
    private readonly List<string[]> _log;
    private int _length;

    public ScriptedLineReceiver(byte[][] delimiters, int maxLength, Clock clock, List<string[]> log)
    {
        _delimiters = delimiters;
        _clock = clock;
        _log = log;
        Delimiter = delimiters[0];
        MaxLength = maxLength;
    }

    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        _log.Add(["line", Convert.ToHexStringLower(line)]);
        if (line.IsEmpty)
        {
            SetRawMode();
        }
        else if (line.SequenceEqual("pause"u8))
        {
            PauseProducing();
            _clock.CallLater(0, ResumeProducing);
        }
        else if (line.SequenceEqual("rawpause"u8))
        {
            PauseProducing();
            SetRawMode();
            _clock.CallLater(0, ResumeProducing);
        }
        else if (line.SequenceEqual("stop"u8))
        {
            StopProducing();
        }
        else if (line.StartsWith("len "u8))
        {
            var rest = line[4..];
            if (rest.Length is > 0 and <= 3 && !rest.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                _length = int.Parse(rest, provider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else if (line.SequenceEqual("clear"u8))
        {
            _log.Add(["clear", Convert.ToHexStringLower(ClearLineBuffer())]);
        }
        else if (line.SequenceEqual("close"u8))
        {
            Transport.LoseConnection();
        }
        else if (line.SequenceEqual("delim"u8))
        {
            Delimiter = Delimiter.Span.SequenceEqual(_delimiters[0]) ? _delimiters[1] : _delimiters[0];
        }
    }

    protected override void RawDataReceived(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(_length, data.Length);
        _length -= take;
        _log.Add(["raw", Convert.ToHexStringLower(data[..take])]);
        if (_length == 0)
        {
            SetLineMode(data[take..]);
        }
    }

    protected override void LineLengthExceeded(ReadOnlySpan<byte> line)
    {
        _log.Add(["exceeded", Convert.ToHexStringLower(line)]);
        if (line.Length > MaxLength + 1)
        {
            SetLineMode(line[(MaxLength + 1)..]);
        }
    }
}
