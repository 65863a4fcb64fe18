namespace NetScope.Core.Tls;

/// <summary>A first-in first-out byte buffer that grows by doubling and compacts instead of wrapping.</summary>
internal sealed class ByteQueue
{
    private byte[] _buffer;
    private int _start;
    private int _count;

    public ByteQueue(int initialCapacity) => _buffer = new byte[initialCapacity];

    public int Count => _count;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (_start + _count + data.Length > _buffer.Length)
        {
            MakeRoom(data.Length);
        }

        data.CopyTo(_buffer.AsSpan(_start + _count));
        _count += data.Length;
    }

    /// <summary>Moves up to <c>destination.Length</c> bytes out of the queue; returns how many.</summary>
    public int Read(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, _count);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        _count -= n;
        if (_count == 0)
        {
            _start = 0;
        }

        return n;
    }

    public void Clear()
    {
        _start = 0;
        _count = 0;
    }

    private void MakeRoom(int extra)
    {
        var needed = _count + extra;
        if (needed <= _buffer.Length && _start > 0)
        {
            _buffer.AsSpan(_start, _count).CopyTo(_buffer);
            _start = 0;
            return;
        }

        var grown = new byte[Math.Max(needed, _buffer.Length * 2)];
        _buffer.AsSpan(_start, _count).CopyTo(grown);
        _buffer = grown;
        _start = 0;
    }
}
