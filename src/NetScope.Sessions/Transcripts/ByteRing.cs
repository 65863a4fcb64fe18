namespace NetScope.Sessions.Transcripts;

/// <summary>
/// A circular byte buffer that grows on demand up to a fixed capacity, so a quiet session holds
/// only what it used. Bytes are appended at the end and discarded from the front.
/// </summary>
internal sealed class ByteRing
{
    private readonly int _capacity;
    private byte[] _buffer = [];
    private int _start;

    public ByteRing(int capacity)
    {
        _capacity = capacity;
    }

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > _capacity)
        {
            throw new InvalidOperationException("The ring is full; discard first.");
        }

        EnsureRoom((int)Length + data.Length);
        var end = Wrap(_start + (int)Length);
        var first = Math.Min(data.Length, _buffer.Length - end);
        data[..first].CopyTo(_buffer.AsSpan(end));
        data[first..].CopyTo(_buffer);
        Length += data.Length;
    }

    public void Discard(int count)
    {
        _start = _buffer.Length == 0 ? 0 : Wrap(_start + count);
        Length -= count;
    }

    public void CopyOut(long position, Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var from = Wrap(_start + (int)position);
        var first = Math.Min(destination.Length, _buffer.Length - from);
        _buffer.AsSpan(from, first).CopyTo(destination);
        _buffer.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
    }

    // Every index passed here is below twice the buffer's length, so one subtraction wraps it:
    // this runs for every chunk a session records, where a division would cost more.
    private int Wrap(int index) => index >= _buffer.Length ? index - _buffer.Length : index;

    private void EnsureRoom(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(4096, _buffer.Length);
        while (size < needed)
        {
            size *= 2;
        }

        size = Math.Min(size, _capacity);
        var grown = new byte[size];
        var length = (int)Length;
        if (length > 0)
        {
            CopyOut(0, grown.AsSpan(0, length));
        }

        _buffer = grown;
        _start = 0;
    }
}
