using NetScope.Core.Protocols.Basic;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>
/// A port of Twisted's <c>LineTester</c> (twisted/protocols/test/test_basic.py): acts on some
/// lines (empty line: raw mode; "len N": read N raw bytes; "pause", "rawpause", "stop",
/// "produce", "unproduce") and records what it receives, raw bytes appended to the last line.
/// </summary>
internal sealed class LineTester : LineReceiver
{
    private readonly Clock? _clock;
    private int _length;

    public LineTester(Clock? clock = null)
    {
        _clock = clock;
        Delimiter = "\n"u8.ToArray();
        MaxLength = 64;
    }

    public List<string> Received { get; } = [];

    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        Received.Add(Feeding.S(line));
        if (line.IsEmpty)
        {
            SetRawMode();
        }
        else if (line.SequenceEqual("pause"u8))
        {
            PauseProducing();
            _clock!.CallLater(0, ResumeProducing);
        }
        else if (line.SequenceEqual("rawpause"u8))
        {
            PauseProducing();
            SetRawMode();
            Received.Add(string.Empty);
            _clock!.CallLater(0, ResumeProducing);
        }
        else if (line.SequenceEqual("stop"u8))
        {
            StopProducing();
        }
        else if (line.StartsWith("len "u8))
        {
            _length = int.Parse(Feeding.S(line[4..]), System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (line.StartsWith("produce"u8))
        {
            Transport.RegisterProducer(this, false);
        }
        else if (line.StartsWith("unproduce"u8))
        {
            Transport.UnregisterProducer();
        }
    }

    protected override void RawDataReceived(ReadOnlySpan<byte> data)
    {
        var take = Math.Min(_length, data.Length);
        _length -= take;
        Received[^1] += Feeding.S(data[..take]);
        if (_length == 0)
        {
            SetLineMode(data[take..]);
        }
    }

    protected override void LineLengthExceeded(ReadOnlySpan<byte> line)
    {
        if (line.Length > MaxLength + 1)
        {
            SetLineMode(line[(MaxLength + 1)..]);
        }
    }
}
