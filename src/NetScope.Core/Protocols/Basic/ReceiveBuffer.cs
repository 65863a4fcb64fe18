using System.Buffers;

namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// The unparsed input of a framing protocol, kept as two parts read in order: the
/// <see cref="Buffered"/> bytes (a pooled, growable array holding what earlier reads left
/// over) followed by the <see cref="Pending"/> bytes (the rest of the span being parsed right
/// now, read in place without copying).
/// </summary>
/// <remarks>
/// <para>
/// Parsers take messages straight out of the caller's span and copy only what must outlive
/// the call: a partial message, or the bytes that complete one whose start is buffered.
/// </para>
/// <para>
/// <see cref="Receive"/> runs a parse over each span received. Callbacks run during the parse
/// may re-enter the parser (Twisted's <c>setLineMode(extra)</c> feeds data back in;
/// <c>clearLineBuffer</c> takes everything left): new data is then appended after the current
/// input, and the pending remainder is read through a pointer to the pinned span, valid only
/// while the parse runs. While it runs (<see cref="Holding"/>) the buffered bytes never move
/// and a replaced array is not recycled, so every span handed to a callback stays valid until
/// the parse ends.
/// </para>
/// </remarks>
internal sealed unsafe class ReceiveBuffer
{
    /// <summary>The first array rented; most partial messages fit.</summary>
    private const int InitialCapacity = 512;

    private byte[] _array = [];
    private int _start;
    private int _end;
    private byte* _pending;
    private int _pendingLength;
    private List<byte[]>? _retired;

    /// <summary>Bytes held in the array.</summary>
    public int BufferedLength => _end - _start;

    /// <summary>Bytes of the span being parsed that are not consumed yet.</summary>
    public int PendingLength => _pendingLength;

    /// <summary>All unparsed bytes.</summary>
    public int TotalLength => _end - _start + _pendingLength;

    /// <summary><see langword="true"/> while a parse runs: buffered bytes stay where they are.</summary>
    public bool Holding { get; private set; }

    /// <summary>The buffered bytes (they come first).</summary>
    public ReadOnlySpan<byte> Buffered => new(_array, _start, _end - _start);

    /// <summary>The unconsumed rest of the span being parsed (it comes after <see cref="Buffered"/>).</summary>
    public ReadOnlySpan<byte> Pending => new(_pending, _pendingLength);

    /// <summary>
    /// The receiving side of every framing protocol: runs <paramref name="parse"/> with
    /// <paramref name="data"/> as the pending input after what is buffered, then buffers what it
    /// left unconsumed. Called from inside a running parse (a callback feeding data back in), it
    /// only appends <paramref name="data"/> after the current input, for the running parse to find.
    /// </summary>
    public void Receive(ReadOnlySpan<byte> data, Action parse)
    {
        if (Holding)
        {
            Append(data);
            return;
        }

        Holding = true;
        try
        {
            fixed (byte* pinned = data)
            {
                _pending = pinned;
                _pendingLength = data.Length;
                try
                {
                    parse();
                }
                finally
                {
                    // Whatever the parse left unconsumed outlives the pin: buffer it.
                    MaterializePending();
                    _pending = null;
                }
            }
        }
        finally
        {
            Holding = false;
            Settle();
        }
    }

    /// <summary>Adds <paramref name="data"/> after everything unparsed (the pending rest is buffered first to keep the order).</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            // ResumeProducing from a callback feeds an empty read: nothing to keep in order.
            return;
        }

        MaterializePending();
        AppendCore(data);
    }

    /// <summary>Copies the pending rest into the buffer, after what is buffered.</summary>
    public void MaterializePending()
    {
        if (_pendingLength > 0)
        {
            AppendCore(Pending);
            ConsumePending(_pendingLength);
        }
    }

    /// <summary>Drops <paramref name="count"/> unparsed bytes from the front (buffered ones first).</summary>
    public void Consume(int count)
    {
        var fromBuffer = Math.Min(count, _end - _start);
        _start += fromBuffer;
        ConsumePending(count - fromBuffer);
    }

    /// <summary>
    /// Returns the <paramref name="length"/> bytes that start <paramref name="skip"/> bytes into
    /// the unparsed input as one span, and consumes them together with the
    /// <paramref name="skip"/> bytes before and <paramref name="trailer"/> bytes after. Copies
    /// only when the requested bytes straddle the buffered and pending parts.
    /// </summary>
    public ReadOnlySpan<byte> Take(int skip, int length, int trailer)
    {
        var buffered = _end - _start;
        ReadOnlySpan<byte> result;
        if (skip + length <= buffered)
        {
            result = new ReadOnlySpan<byte>(_array, _start + skip, length);
        }
        else if (skip >= buffered)
        {
            result = new ReadOnlySpan<byte>(_pending + (skip - buffered), length);
        }
        else
        {
            // The message starts in the buffer and ends in the span: bring its end over.
            var missing = skip + length - buffered;
            AppendCore(new ReadOnlySpan<byte>(_pending, missing));
            ConsumePending(missing);
            result = new ReadOnlySpan<byte>(_array, _start + skip, length);
            _start = _end;
            ConsumePending(trailer);
            return result;
        }

        Consume(skip + length + trailer);
        return result;
    }

    /// <summary>Consumes everything unparsed and returns it as one span (copying only if both parts are non-empty).</summary>
    public ReadOnlySpan<byte> TakeAll()
    {
        if (_end - _start > 0)
        {
            MaterializePending();
            var all = new ReadOnlySpan<byte>(_array, _start, _end - _start);
            _start = _end;
            return all;
        }

        var pending = Pending;
        ConsumePending(_pendingLength);
        return pending;
    }

    /// <summary>Copies the first <paramref name="destination"/>.Length unparsed bytes without consuming them.</summary>
    public void Peek(Span<byte> destination)
    {
        var buffered = Buffered;
        var fromBuffer = Math.Min(destination.Length, buffered.Length);
        buffered[..fromBuffer].CopyTo(destination);
        Pending[..(destination.Length - fromBuffer)].CopyTo(destination[fromBuffer..]);
    }

    /// <summary>
    /// Where <paramref name="delimiter"/> first occurs in the unparsed input (buffered then
    /// pending), or -1. Positions before <paramref name="searchFrom"/> are known not to start
    /// one (they were searched before more bytes arrived).
    /// </summary>
    public int IndexOf(ReadOnlySpan<byte> delimiter, int searchFrom)
    {
        var buffered = Buffered;
        var pending = Pending;
        if (buffered.Length == 0)
        {
            return pending.IndexOf(delimiter);
        }

        if (searchFrom < buffered.Length)
        {
            var inBuffer = buffered[searchFrom..].IndexOf(delimiter);
            if (inBuffer >= 0)
            {
                return searchFrom + inBuffer;
            }
        }

        // A delimiter may begin in the last bytes of the buffer and end in the span.
        for (var start = Math.Max(searchFrom, buffered.Length - delimiter.Length + 1); start < buffered.Length; start++)
        {
            var head = buffered.Length - start;
            var tail = delimiter.Length - head;
            if (pending.Length >= tail && buffered[start..].SequenceEqual(delimiter[..head]) && pending[..tail].SequenceEqual(delimiter[head..]))
            {
                return start;
            }
        }

        var inPending = pending.IndexOf(delimiter);
        return inPending < 0 ? -1 : buffered.Length + inPending;
    }

    /// <summary>Makes room so the buffer can hold <paramref name="totalBytes"/> unparsed bytes without growing again.</summary>
    public void Reserve(int totalBytes)
    {
        if (totalBytes > _array.Length - _start)
        {
            Grow(totalBytes - (_end - _start));
        }
    }

    /// <summary>Drops everything and gives the array back to the pool (only when no parse runs).</summary>
    public void Release()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = [];
        _start = _end = 0;
    }

    /// <summary>
    /// Called when no parse is running: moves what is left to the front of the array, gives an
    /// empty buffer's array back to the pool and recycles arrays replaced during the parse.
    /// </summary>
    private void Settle()
    {
        if (_retired is not null)
        {
            foreach (var array in _retired)
            {
                ArrayPool<byte>.Shared.Return(array);
            }

            _retired = null;
        }

        if (_end == _start)
        {
            Release();
        }
        else if (_start > 0)
        {
            _array.AsSpan(_start, _end - _start).CopyTo(_array);
            _end -= _start;
            _start = 0;
        }
    }

    private void ConsumePending(int count)
    {
        _pending += count;
        _pendingLength -= count;
    }

    private void AppendCore(ReadOnlySpan<byte> data)
    {
        if (data.Length > _array.Length - _end)
        {
            if (!Holding && _end - _start + data.Length <= _array.Length)
            {
                // Compacting in place is safe only when no callback holds a span into the array.
                _array.AsSpan(_start, _end - _start).CopyTo(_array);
                _end -= _start;
                _start = 0;
            }
            else
            {
                Grow(data.Length);
            }
        }

        data.CopyTo(_array.AsSpan(_end));
        _end += data.Length;
    }

    /// <summary>Moves the buffered bytes to a new array with room for <paramref name="extra"/> more.</summary>
    private void Grow(int extra)
    {
        var needed = _end - _start + extra;
        var capacity = Math.Max(Math.Max(InitialCapacity, needed), _array.Length * 2);
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        _array.AsSpan(_start, _end - _start).CopyTo(larger);
        var old = _array;
        _end -= _start;
        _start = 0;
        _array = larger;
        if (old.Length > 0)
        {
            // The data being appended, or a span a callback still reads, may live in the old
            // array: recycle it only once the parse is over.
            (_retired ??= []).Add(old);
        }
    }
}
