namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// A protocol that receives only lines (Twisted's <c>LineOnlyReceiver</c>): a leaner
/// <see cref="LineReceiver"/> without raw mode or pausing, for protocols that never need them.
/// </summary>
/// <remarks>
/// <para>
/// Its length rules are Twisted's for this class: a complete line longer than
/// <see cref="MaxLength"/> goes to <see cref="LineLengthExceeded"/> on its own and the
/// complete lines after it in the same read are dropped; an unterminated tail longer than
/// <see cref="MaxLength"/> goes to <see cref="LineLengthExceeded"/> and stays buffered. Once the
/// transport is closing, the remaining complete lines of the read are dropped.
/// </para>
/// <para>
/// Lines are parsed in place and spans are valid only during the call. Data passed to
/// <see cref="DataReceived"/> from inside a callback is queued after the current input
/// (Twisted would parse it before the rest of the current read, an accident of its
/// implementation).
/// </para>
/// </remarks>
public abstract class LineOnlyReceiver : Protocol
{
    private readonly ReceiveBuffer _buffer = new();
    private readonly Action _deliver;
    private readonly LineDelimiter _delimiter = new();
    private int _maxLength = LineReceiver.DefaultMaxLength;

    /// <summary>Creates a receiver with the default delimiter and <see cref="MaxLength"/>.</summary>
    protected LineOnlyReceiver()
    {
        _deliver = Deliver;
    }

    /// <summary>The line delimiter.</summary>
    /// <remarks>Defaults to CR LF.</remarks>
    /// <exception cref="ArgumentException">The delimiter is empty.</exception>
    public ReadOnlyMemory<byte> Delimiter
    {
        get => _delimiter.Value;
        set => _delimiter.Value = value;
    }

    /// <summary>The longest line accepted, in bytes, not counting the delimiter.</summary>
    /// <remarks>Defaults to 16384.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxLength
    {
        get => _maxLength;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxLength = value;
        }
    }

    /// <summary>Bytes of the partial line received so far (compare with <see cref="MaxLength"/>).</summary>
    public int BufferedLength => _buffer.TotalLength;

    /// <summary>Parses <paramref name="data"/> into lines and delivers them.</summary>
    public override void DataReceived(ReadOnlySpan<byte> data) => _buffer.Receive(data, _deliver);

    /// <summary>Sends <paramref name="line"/> followed by the delimiter, in one write.</summary>
    public void SendLine(ReadOnlySpan<byte> line) => LineReceiver.WriteWithSuffix(Transport, line, _delimiter.Bytes);

    /// <summary>A line arrived (without its delimiter). The span is valid only during the call.</summary>
    protected abstract void LineReceived(ReadOnlySpan<byte> line);

    /// <summary>A line (or unterminated tail) longer than <see cref="MaxLength"/> arrived. Drops the connection unless overridden.</summary>
    protected virtual void LineLengthExceeded(ReadOnlySpan<byte> line) => Transport.LoseConnection();

    private void Deliver()
    {
        while (true)
        {
            var delimiterLength = _delimiter.Bytes.Length;
            var index = _delimiter.Find(_buffer);
            if (index < 0)
            {
                break;
            }

            if (TransportStatus.IsDisconnecting(this))
            {
                DropCompleteLines();
                return;
            }

            var line = _buffer.Take(0, index, delimiterLength);
            if (index > _maxLength)
            {
                DropCompleteLines();
                LineLengthExceeded(line);
                return;
            }

            LineReceived(line);
        }

        _delimiter.KeepPartialLine(_buffer);
        if (_buffer.BufferedLength > _maxLength)
        {
            LineLengthExceeded(_buffer.Buffered);
        }
    }

    /// <summary>Leaves only the unterminated tail buffered, as Twisted's split-then-deliver does.</summary>
    private void DropCompleteLines()
    {
        int index;
        while ((index = _buffer.IndexOf(_delimiter.Bytes, 0)) >= 0)
        {
            _buffer.Consume(index + _delimiter.Bytes.Length);
        }
    }
}
