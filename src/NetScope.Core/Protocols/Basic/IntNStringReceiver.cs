using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;

namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// The shared logic of length-prefixed protocols (Twisted's <c>IntNStringReceiver</c>): each
/// message is an unsigned big-endian length of <see cref="PrefixLength"/> bytes followed by
/// that many bytes, delivered whole to <see cref="StringReceived"/>.
/// </summary>
/// <remarks>
/// <para>
/// A length above <see cref="MaxLength"/> goes to <see cref="LengthLimitExceeded"/> (which by
/// default drops the connection) before any of its payload is buffered, so a peer cannot make
/// the receiver allocate more than <see cref="MaxLength"/>. The prefix and the message may
/// be split across reads anywhere; a read may carry many messages.
/// </para>
/// <para>
/// It is a push producer with the same pause semantics as <see cref="LineReceiver"/> (both are a <see cref="PausableProtocol"/>).
/// Messages are parsed in place: spans are valid only during the call. Data passed to
/// <see cref="DataReceived"/> from inside a callback is queued after the current input.
/// </para>
/// </remarks>
public abstract class IntNStringReceiver : PausableProtocol
{
    /// <summary>The default <see cref="MaxLength"/> (Twisted's).</summary>
    public const int DefaultMaxLength = 99999;

    /// <summary>Payloads up to this size get their whole buffer reserved once their prefix arrives.</summary>
    private const int ReserveLimit = 1 << 20;

    private readonly ReceiveBuffer _buffer = new();
    private readonly Action _deliver;
    private int _maxLength = DefaultMaxLength;

    /// <summary>Creates a receiver whose length prefix is <paramref name="prefixLength"/> bytes (1, 2 or 4).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The prefix length is not 1, 2 or 4.</exception>
    protected IntNStringReceiver(int prefixLength)
    {
        if (prefixLength is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, "A length prefix is 1, 2 or 4 bytes.");
        }

        PrefixLength = prefixLength;
        _deliver = Deliver;
    }

    /// <summary>The size of the length prefix, in bytes.</summary>
    public int PrefixLength { get; }

    /// <summary>The longest message sendable with this prefix: 2^(8 × <see cref="PrefixLength"/>) − 1 bytes (capped by what a span can hold).</summary>
    public long MaxSendLength => PrefixLength == 4 ? uint.MaxValue : (1L << (8 * PrefixLength)) - 1;

    /// <summary>The longest message accepted, in bytes.</summary>
    /// <remarks>Defaults to 99999.</remarks>
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

    /// <summary>Bytes received and not delivered yet: a partial message, or everything held while paused.</summary>
    public int BufferedLength => _buffer.TotalLength;

    /// <summary>Parses <paramref name="data"/> into messages and delivers them.</summary>
    public override void DataReceived(ReadOnlySpan<byte> data) => _buffer.Receive(data, _deliver);

    /// <summary>Sends <paramref name="data"/> with its length prefix, in one write.</summary>
    /// <exception cref="StringTooLongException"><paramref name="data"/> is longer than <see cref="MaxSendLength"/>.</exception>
    public void SendString(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxSendLength)
        {
            throw new StringTooLongException(string.Create(
                CultureInfo.InvariantCulture,
                $"Cannot send {data.Length} bytes with a {PrefixLength}-byte length prefix; the maximum is {MaxSendLength}."));
        }

        var total = PrefixLength + data.Length;
        var rented = total > 512 ? ArrayPool<byte>.Shared.Rent(total) : null;
        try
        {
            var frame = rented is null ? stackalloc byte[total] : rented.AsSpan(0, total);
            WriteLength(frame, (uint)data.Length);
            data.CopyTo(frame[PrefixLength..]);
            Transport.Write(frame);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A complete message arrived, without its prefix. The span is valid only during the call.</summary>
    protected abstract void StringReceived(ReadOnlySpan<byte> data);

    /// <summary>
    /// A length prefix above <see cref="MaxLength"/> arrived; the prefix and what follows stay
    /// buffered. Drops the connection unless overridden.
    /// </summary>
    protected virtual void LengthLimitExceeded(long length) => Transport.LoseConnection();

    private void WriteLength(Span<byte> destination, uint length)
    {
        switch (PrefixLength)
        {
            case 1:
                destination[0] = (byte)length;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)length);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(destination, length);
                break;
        }
    }

    private long ReadLength(ReadOnlySpan<byte> prefix) => PrefixLength switch
    {
        1 => prefix[0],
        2 => BinaryPrimitives.ReadUInt16BigEndian(prefix),
        _ => BinaryPrimitives.ReadUInt32BigEndian(prefix),
    };

    /// <summary>The parse loop: Twisted's <c>IntNStringReceiver.dataReceived</c>.</summary>
    private void Deliver()
    {
        Span<byte> prefix = stackalloc byte[4];
        prefix = prefix[..PrefixLength];
        while (_buffer.TotalLength >= PrefixLength && !Paused)
        {
            _buffer.Peek(prefix);
            var length = ReadLength(prefix);
            if (length > _maxLength)
            {
                LengthLimitExceeded(length);
                return;
            }

            var frameLength = PrefixLength + length;
            if (_buffer.TotalLength < frameLength)
            {
                if (frameLength <= ReserveLimit)
                {
                    _buffer.Reserve((int)frameLength);
                }

                return;
            }

            StringReceived(_buffer.Take(PrefixLength, (int)length, 0));
        }
    }
}
