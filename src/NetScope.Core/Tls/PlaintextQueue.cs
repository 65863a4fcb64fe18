using System.Buffers;

namespace NetScope.Core.Tls;

/// <summary>
/// Plaintext waiting for encryption, in pooled segments of at most one TLS record each. Small writes are
/// packed into the tail segment, so a burst of tiny writes during the handshake leaves as few records.
/// </summary>
internal sealed class PlaintextQueue
{
    /// <summary>The largest TLS plaintext record (RFC 8446 §5.1).</summary>
    public const int SegmentSize = 16 * 1024;

    private readonly Queue<Segment> _segments = new();
    private Segment? _tail;

    /// <summary>Bytes queued plus bytes in segments taken but not yet released.</summary>
    public int PendingBytes { get; private set; }

    public bool IsEmpty => _segments.Count == 0;

    public void Append(ReadOnlySpan<byte> data)
    {
        PendingBytes += data.Length;
        while (!data.IsEmpty)
        {
            if (_tail is null || _tail.Length == SegmentSize)
            {
                _tail = new Segment(ArrayPool<byte>.Shared.Rent(SegmentSize));
                _segments.Enqueue(_tail);
            }

            var n = Math.Min(data.Length, SegmentSize - _tail.Length);
            data[..n].CopyTo(_tail.Array.AsSpan(_tail.Length));
            _tail.Length += n;
            data = data[n..];
        }
    }

    /// <summary>Takes the oldest segment; nothing appends to it afterwards. Give it back with <see cref="Release"/>.</summary>
    public bool TryTake(out Segment segment)
    {
        if (!_segments.TryDequeue(out segment!))
        {
            return false;
        }

        if (ReferenceEquals(segment, _tail))
        {
            _tail = null;
        }

        return true;
    }

    public void Release(Segment segment)
    {
        PendingBytes -= segment.Length;
        ArrayPool<byte>.Shared.Return(segment.Array);
    }

    /// <summary>Drops everything queued (the engine failed or closed).</summary>
    public void Clear()
    {
        while (_segments.TryDequeue(out var segment))
        {
            Release(segment);
        }

        _tail = null;
    }

    internal sealed class Segment(byte[] array)
    {
        public byte[] Array { get; } = array;

        public int Length { get; set; }

        public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);
    }
}
