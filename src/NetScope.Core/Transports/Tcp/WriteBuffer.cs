using System.Buffers;

namespace NetScope.Core.Transports.Tcp;

/// <summary>
/// Bytes written but not yet taken by the kernel: a queue of pooled chunks, filled by copying
/// and drained by vectored writes. Empty and holding no arrays when nothing is pending, so
/// idle connections cost no buffer memory.
/// </summary>
internal sealed class WriteBuffer
{
    private const int MinimumChunk = 16 * 1024;

    private readonly Queue<Chunk> _chunks = new();
    private Chunk? _tail;

    /// <summary>Bytes pending.</summary>
    public long Length { get; private set; }

    /// <summary>Copies <paramref name="data"/> to the end of the buffer.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        Length += data.Length;
        if (_tail is not null)
        {
            var copied = _tail.Fill(data);
            data = data[copied..];
        }

        while (!data.IsEmpty)
        {
            var chunk = new Chunk(ArrayPool<byte>.Shared.Rent(Math.Max(MinimumChunk, data.Length)));
            var copied = chunk.Fill(data);
            data = data[copied..];
            _chunks.Enqueue(chunk);
            _tail = chunk;
        }
    }

    /// <summary>Fills <paramref name="segments"/> with the pending bytes, oldest first; returns how many segments were used.</summary>
    public int Peek(Span<ReadOnlyMemory<byte>> segments)
    {
        var count = 0;
        foreach (var chunk in _chunks)
        {
            if (count == segments.Length)
            {
                break;
            }

            segments[count++] = chunk.Pending;
        }

        return count;
    }

    /// <summary>Drops <paramref name="count"/> bytes from the front (they were sent), returning emptied chunks to the pool.</summary>
    public void Consume(long count)
    {
        Length -= count;
        while (count > 0)
        {
            var chunk = _chunks.Peek();
            var taken = (int)Math.Min(count, chunk.PendingLength);
            chunk.Advance(taken);
            count -= taken;
            if (chunk.PendingLength == 0)
            {
                _chunks.Dequeue();
                chunk.Release();
                if (ReferenceEquals(chunk, _tail))
                {
                    _tail = null;
                }
            }
        }
    }

    /// <summary>Discards everything pending.</summary>
    public void Clear()
    {
        while (_chunks.Count > 0)
        {
            _chunks.Dequeue().Release();
        }

        _tail = null;
        Length = 0;
    }

    private sealed class Chunk
    {
        private byte[]? _array;
        private int _start;
        private int _end;

        public Chunk(byte[] array)
        {
            _array = array;
        }

        public int PendingLength => _end - _start;

        public ReadOnlyMemory<byte> Pending => _array.AsMemory(_start, _end - _start);

        public int Fill(ReadOnlySpan<byte> data)
        {
            var room = _array!.Length - _end;
            var count = Math.Min(room, data.Length);
            data[..count].CopyTo(_array.AsSpan(_end));
            _end += count;
            return count;
        }

        public void Advance(int count) => _start += count;

        public void Release()
        {
            if (_array is not null)
            {
                ArrayPool<byte>.Shared.Return(_array);
                _array = null;
            }
        }
    }
}
