using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// The native <c>struct msghdr</c> for <c>sendmsg</c> (56 bytes on 64-bit, 28 on 32-bit: the
/// sequential layout reproduces the C padding after <c>msg_namelen</c> and <c>msg_flags</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MessageHeader
{
    /// <summary><c>msg_name</c>: the destination address; null on a connected socket.</summary>
    public void* Name;

    /// <summary><c>msg_namelen</c>.</summary>
    public uint NameLength;

    /// <summary><c>msg_iov</c>: the buffers to send, in order.</summary>
    public IoVector* Vectors;

    /// <summary><c>msg_iovlen</c>: how many buffers (at most <see cref="Libc.IOV_MAX"/>).</summary>
    public nuint VectorCount;

    /// <summary><c>msg_control</c>: ancillary data; unused here.</summary>
    public void* Control;

    /// <summary><c>msg_controllen</c>.</summary>
    public nuint ControlLength;

    /// <summary><c>msg_flags</c>: ignored by <c>sendmsg</c>.</summary>
    public int Flags;
}
