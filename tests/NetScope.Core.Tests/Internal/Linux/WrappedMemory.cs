using System.Buffers;

namespace NetScope.Core.Tests.Internal.Linux;

/// <summary>
/// Memory that a <see cref="MemoryManager{T}"/> hands out rather than an array, as pooled or
/// sliced buffers often are: vectored sends must pin it through its span.
/// </summary>
internal sealed class WrappedMemory(byte[] contents) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => contents;

    // The handle returned by the array's own Pin releases the pin when disposed.
    public override MemoryHandle Pin(int elementIndex = 0) => contents.AsMemory(elementIndex).Pin();

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
