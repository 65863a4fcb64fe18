using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// One readiness report from <see cref="Epoll.Wait"/>: which <see cref="Events"/> fired, and the
/// 64-bit <see cref="Data"/> given when the descriptor was registered.
/// </summary>
/// <remarks>
/// The kernel's <c>struct epoll_event</c> is <c>__attribute__((packed))</c> on x86_64 (12 bytes,
/// data at offset 4; 32-bit x86 gets the same layout from 4-byte alignment) and naturally aligned
/// everywhere else (16 bytes, data at offset 8). This managed struct always has the 16-byte layout;
/// <see cref="Epoll"/> converts where the kernel packs, so callers see one type on every
/// architecture. <see cref="NativeSize"/> is the kernel's size on the running architecture.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal readonly struct EpollEvent
{
    /// <summary>The events that fired (or, on registration, the events of interest).</summary>
    [FieldOffset(0)]
    public readonly EpollEvents Events;

    /// <summary>The caller's value registered with the descriptor (an index, a token, a handle).</summary>
    [FieldOffset(8)]
    public readonly ulong Data;

    /// <summary>An event with the given bits and user data.</summary>
    /// <param name="events">The event bits.</param>
    /// <param name="data">The caller's 64-bit value.</param>
    public EpollEvent(EpollEvents events, ulong data)
    {
        Events = events;
        Data = data;
    }

    /// <summary>True where the kernel's <c>struct epoll_event</c> is 12 bytes (x86_64 and x86).</summary>
    public static bool IsPackedOnThisArchitecture { get; } =
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    /// <summary>The size of the kernel's <c>struct epoll_event</c> on this architecture: 12 or 16.</summary>
    public static int NativeSize { get; } = IsPackedOnThisArchitecture ? 12 : 16;

    /// <summary>Writes one event in the kernel's layout (for <c>epoll_ctl</c>); <paramref name="destination"/> holds 16 bytes.</summary>
    internal static unsafe void WriteNative(byte* destination, EpollEvents events, ulong data)
    {
        Unsafe.WriteUnaligned(destination, (uint)events);
        Unsafe.WriteUnaligned(destination + (IsPackedOnThisArchitecture ? 4 : 8), data);
    }

    /// <summary>
    /// Converts <paramref name="count"/> events that the kernel wrote in the packed 12-byte layout
    /// at the start of <paramref name="events"/> into this struct's layout, in place.
    /// </summary>
    /// <remarks>
    /// Walks from the last event to the first: event <c>i</c> moves from byte 12i to byte 16i, and
    /// every packed event still to be read (index below <c>i</c>) ends at or before byte 12i, so
    /// nothing is overwritten before it is read.
    /// </remarks>
    internal static unsafe void ExpandPacked(Span<EpollEvent> events, int count)
    {
        fixed (EpollEvent* first = events)
        {
            var bytes = (byte*)first;
            for (int i = count - 1; i >= 0; i--)
            {
                byte* packed = bytes + (i * 12);
                uint bits = Unsafe.ReadUnaligned<uint>(packed);
                ulong data = Unsafe.ReadUnaligned<ulong>(packed + 4);
                first[i] = new EpollEvent((EpollEvents)bits, data);
            }
        }
    }
}
