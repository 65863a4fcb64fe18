using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// Owns a file descriptor that other threads may use while it is being closed (the epoll instance,
/// the eventfd): the reference count of <see cref="SafeHandle"/> defers <c>close</c> until the last
/// call in flight returns, so a late call never reaches a reused descriptor number.
/// </summary>
internal sealed class SafeFdHandle : SafeHandle
{
    /// <summary>Creates an invalid handle; the P/Invoke marshaller fills it in.</summary>
    public SafeFdHandle()
        : base(invalidHandleValue: -1, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => (int)handle < 0;

    /// <summary>The descriptor number, for registering it elsewhere (valid until disposed).</summary>
    public int Fd => (int)handle;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // On Linux the descriptor is released even when close reports EINTR, so never retry.
        return Libc.close((int)handle) == 0 || Libc.LastErrno == Errno.EINTR;
    }
}
