using System.Text;
using NetScope.Core.Protocols.Basic;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>A LineReceiver that records lines, raw bytes and long lines, with a few optional reactions.</summary>
internal sealed class RecordingLineReceiver : LineReceiver
{
    public List<string> Lines { get; } = [];

    public List<byte> Raw { get; } = [];

    public List<string> TooLong { get; } = [];

    /// <summary>Switch to raw mode after this many lines (0: never).</summary>
    public int RawAfterLines { get; init; }

    /// <summary>Lose the connection on this line.</summary>
    public string? CloseOn { get; init; }

    /// <summary>Throw on this line.</summary>
    public string? ThrowOn { get; init; }

    /// <summary>On the first string, feed the second back into DataReceived.</summary>
    public (string Line, string Data)? FeedBackOn { get; init; }

    /// <summary>Record long lines instead of dropping the connection.</summary>
    public bool KeepConnectionOnLongLines { get; init; }

    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        var text = S(line);
        Lines.Add(text);
        if (RawAfterLines > 0 && Lines.Count == RawAfterLines)
        {
            SetRawMode();
        }

        if (text == CloseOn)
        {
            Transport.LoseConnection();
        }

        if (text == ThrowOn)
        {
            throw new InvalidOperationException("boom");
        }

        if (FeedBackOn is { } feedBack && text == feedBack.Line)
        {
            DataReceived(Encoding.Latin1.GetBytes(feedBack.Data));
        }
    }

    protected override void RawDataReceived(ReadOnlySpan<byte> data)
    {
        if (RawAfterLines == 0)
        {
            base.RawDataReceived(data);
        }

        Raw.AddRange(data);
    }

    protected override void LineLengthExceeded(ReadOnlySpan<byte> line)
    {
        TooLong.Add(S(line));
        if (!KeepConnectionOnLongLines)
        {
            base.LineLengthExceeded(line);
        }
    }
}
