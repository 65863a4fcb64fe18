using NetScope.Core.Time;

namespace NetScope.Sessions.Streams;

/// <content>Line framing for display: split on LF, drop the CR before it, show a stalled partial line after a pause.</content>
public sealed partial class StreamSession
{
    /// <summary>The longest line held before it is passed on in pieces.</summary>
    public const int MaxLineLength = 64 * 1024;

    private readonly List<byte> _partialLine = new();
    private IDelayedCall? _partialLineTimer;

    /// <summary>Bytes of a partial line held in line mode, waiting for its end of line (at most <see cref="MaxLineLength"/>).</summary>
    public int PartialLineLength => _partialLine.Count;

    /// <summary>
    /// How long a partial line (a prompt without a line ending, say) waits before it is shown.
    /// <remarks>Defaults to 0.25 seconds.</remarks>
    /// </summary>
    public double PartialLineDelaySeconds { get; set; } = 0.25;

    private void SplitLines(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                AddToPartial(data);
                ArmPartialLineTimer();
                return;
            }

            var piece = data[..newline];
            data = data[(newline + 1)..];
            if (_partialLine.Count == 0)
            {
                EmitLine(TrimCarriageReturn(piece), complete: true);
            }
            else
            {
                AddToPartial(piece);
                FlushPartialLine(complete: true);
            }
        }

        if (_partialLine.Count == 0)
        {
            CancelPartialLineTimer();
        }
    }

    private void AddToPartial(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _partialLine.Add(b);
        }

        if (_partialLine.Count >= MaxLineLength)
        {
            FlushPartialLine(complete: false);
        }
    }

    private void FlushPartialLine(bool complete)
    {
        CancelPartialLineTimer();
        if (_partialLine.Count == 0)
        {
            return;
        }

        var line = _partialLine.ToArray();
        _partialLine.Clear();
        EmitLine(complete ? TrimCarriageReturn(line) : line, complete);
    }

    private void EmitLine(ReadOnlySpan<byte> line, bool complete)
    {
        foreach (var listener in _listeners)
        {
            listener.Line(this, line, complete);
        }
    }

    private void ArmPartialLineTimer()
    {
        if (_partialLineTimer is { } timer && timer.Active())
        {
            timer.Reset(PartialLineDelaySeconds);
            return;
        }

        _partialLineTimer = _clock.CallLater(PartialLineDelaySeconds, () =>
        {
            _partialLineTimer = null;
            FlushPartialLine(complete: false);
        });
    }

    private void CancelPartialLineTimer()
    {
        if (_partialLineTimer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        _partialLineTimer = null;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
}
