using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>The native <c>struct iovec</c>: one pinned buffer of a vectored write.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVector
{
    /// <summary><c>iov_base</c>: the first byte (pinned for the duration of the call).</summary>
    public void* Base;

    /// <summary><c>iov_len</c>: the number of bytes.</summary>
    public nuint Length;
}
