using System.Buffers;
using System.Text;
using NetScope.Core.Transports;

namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// A protocol that receives lines and/or raw data, depending on its mode (Twisted's
/// <c>LineReceiver</c>, with its semantics). In line mode each line, without its delimiter,
/// goes to <see cref="LineReceived"/>; in raw mode each chunk goes to
/// <see cref="RawDataReceived"/>. <see cref="SetRawMode"/> and <see cref="SetLineMode()"/> switch
/// between them, also from inside those callbacks: the rest of the input then goes to the
/// other one, without a byte lost or repeated.
/// </summary>
/// <remarks>
/// <para>
/// Lines may be split across reads and a read may carry many lines. A line longer than
/// <see cref="MaxLength"/>, or unterminated input of <see cref="MaxLength"/> plus the
/// delimiter's length, goes to <see cref="LineLengthExceeded"/> (which by default drops the
/// connection). Once the transport is closing, the lines that arrived in the same read are
/// not delivered.
/// </para>
/// <para>
/// It is a push producer: <see cref="PausableProtocol.PauseProducing"/> stops delivery at once, even of lines
/// already received (and pauses the transport), and <see cref="PausableProtocol.ResumeProducing"/> delivers
/// them. Lines are parsed in place: the spans passed to callbacks point into the read buffer
/// or a pooled buffer and are valid only during the call. Only a partial line is copied.
/// </para>
/// <para>Data passed to <see cref="DataReceived"/> from inside a callback is queued after the current input.</para>
/// </remarks>
public abstract class LineReceiver : PausableProtocol
{
    /// <summary>The default <see cref="MaxLength"/>.</summary>
    public const int DefaultMaxLength = 16384;

    private readonly ReceiveBuffer _buffer = new();
    private readonly Action _deliver;
    private readonly LineDelimiter _delimiter = new();
    private int _maxLength = DefaultMaxLength;
    private bool _lineMode = true;

    /// <summary>Creates a receiver in line mode with the default delimiter and <see cref="MaxLength"/>.</summary>
    protected LineReceiver()
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

    /// <summary>Whether input is delivered as lines or as raw data.</summary>
    public LineReceiverMode Mode => _lineMode ? LineReceiverMode.Line : LineReceiverMode.Raw;

    /// <summary>
    /// Bytes received and not delivered yet: the partial line (compare with
    /// <see cref="MaxLength"/>), or everything held while paused.
    /// </summary>
    public int BufferedLength => _buffer.TotalLength;

    /// <summary>Parses <paramref name="data"/> into lines (or raw chunks) and delivers them.</summary>
    public override void DataReceived(ReadOnlySpan<byte> data) => _buffer.Receive(data, _deliver);

    /// <summary>
    /// Switches to line mode. <paramref name="extra"/>, if any, is parsed for lines as if just
    /// received (pass the unused rest of a raw chunk when calling from
    /// <see cref="RawDataReceived"/>; pass nothing from <see cref="LineReceived"/>).
    /// </summary>
    public void SetLineMode(ReadOnlySpan<byte> extra)
    {
        _lineMode = true;
        if (!extra.IsEmpty)
        {
            DataReceived(extra);
        }
    }

    /// <summary>Switches to line mode (see <see cref="SetLineMode(ReadOnlySpan{byte})"/>).</summary>
    public void SetLineMode() => _lineMode = true;

    /// <summary>Switches to raw mode: input after the current line goes to <see cref="RawDataReceived"/>.</summary>
    public void SetRawMode() => _lineMode = false;

    /// <summary>Discards everything received and not delivered yet, and returns it.</summary>
    public byte[] ClearLineBuffer()
    {
        _delimiter.Forget();
        return _buffer.TakeAll().ToArray();
    }

    /// <summary>Sends <paramref name="line"/> followed by the delimiter, in one write.</summary>
    public void SendLine(ReadOnlySpan<byte> line) => WriteWithSuffix(Transport, line, _delimiter.Bytes);

    /// <summary>Sends <paramref name="line"/>, encoded as UTF-8, followed by the delimiter.</summary>
    public void SendLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(line, bytes);
            SendLine(bytes.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>A line arrived (without its delimiter). The span is valid only during the call.</summary>
    protected abstract void LineReceived(ReadOnlySpan<byte> line);

    /// <summary>A chunk arrived in raw mode. The span is valid only during the call.</summary>
    /// <exception cref="InvalidOperationException">Always, unless overridden: a subclass that uses raw mode must handle raw data.</exception>
    protected virtual void RawDataReceived(ReadOnlySpan<byte> data) =>
        throw new InvalidOperationException($"{GetType().Name} switched to raw mode but does not override RawDataReceived.");

    /// <summary>
    /// A line longer than <see cref="MaxLength"/> arrived, or that much input without a
    /// delimiter. <paramref name="line"/> holds everything that was buffered, starting with the
    /// long line (it may hold more lines after it); it has been removed from the buffer.
    /// Drops the connection unless overridden.
    /// </summary>
    protected virtual void LineLengthExceeded(ReadOnlySpan<byte> line) => Transport.LoseConnection();

    /// <summary>Writes <paramref name="data"/> and <paramref name="suffix"/> to <paramref name="consumer"/> as one write.</summary>
    internal static void WriteWithSuffix(IConsumer consumer, ReadOnlySpan<byte> data, ReadOnlySpan<byte> suffix)
    {
        var total = data.Length + suffix.Length;
        if (total <= 512)
        {
            Span<byte> joined = stackalloc byte[total];
            data.CopyTo(joined);
            suffix.CopyTo(joined[data.Length..]);
            consumer.Write(joined);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            data.CopyTo(rented);
            suffix.CopyTo(rented.AsSpan(data.Length));
            consumer.Write(rented.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The parse loop: Twisted's <c>LineReceiver.dataReceived</c>, step for step.</summary>
    private void Deliver()
    {
        while (_buffer.TotalLength > 0 && !Paused)
        {
            if (!_lineMode)
            {
                _delimiter.Forget();
                RawDataReceived(_buffer.TakeAll());
                continue;
            }

            var delimiterLength = _delimiter.Bytes.Length;
            var index = _delimiter.Find(_buffer);
            if (index < 0)
            {
                if ((long)_buffer.TotalLength >= (long)_maxLength + delimiterLength)
                {
                    LineLengthExceeded(_buffer.TakeAll());
                    return;
                }

                _delimiter.KeepPartialLine(_buffer);
                return;
            }

            if (index > _maxLength)
            {
                // Twisted passes the long line, its delimiter and everything after it.
                LineLengthExceeded(_buffer.TakeAll());
                return;
            }

            LineReceived(_buffer.Take(0, index, delimiterLength));
            if (TransportStatus.IsDisconnecting(this))
            {
                return;
            }
        }
    }
}
