using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NetScope.Web.Server.Static;

/// <summary>
/// Reads file data the page cache already holds without ever waiting for the disk: Linux's
/// <c>preadv2(..., RWF_NOWAIT)</c> copies what is cached and returns EAGAIN instead of blocking. The reactor
/// thread uses it for file bodies, and hands a read to the thread pool only when the data is not cached, so
/// a hot file costs no thread hop per chunk.
/// </summary>
internal static unsafe partial class CachedRead
{
    private const int NoWait = 0x8;
    private const int TryAgain = 11;

    // Set once the kernel or the file system says RWF_NOWAIT is not supported: every read then goes to the pool.
    private static volatile bool _unsupported = !OperatingSystem.IsLinux();

    /// <summary>Reads into <paramref name="buffer"/> at <paramref name="offset"/> if the data is cached.</summary>
    /// <param name="file">The file.</param>
    /// <param name="buffer">Where to read.</param>
    /// <param name="offset">The file position.</param>
    /// <param name="read">The bytes read (possibly fewer than asked, 0 at the end of the file).</param>
    /// <returns><see langword="false"/> when reading would wait for the disk (or cannot be done without waiting here).</returns>
    /// <exception cref="IOException">The read failed.</exception>
    public static bool TryRead(SafeFileHandle file, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        if (_unsupported)
        {
            return false;
        }

        long result;
        fixed (byte* start = buffer)
        {
            var vector = new IoVector { Base = start, Length = (nuint)buffer.Length };
            result = Preadv2(file, &vector, 1, offset, NoWait);
        }

        if (result >= 0)
        {
            read = (int)result;
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == TryAgain)
        {
            return false;
        }

        if (errno is 22 or 38 or 95)
        {
            // EINVAL, ENOSYS, EOPNOTSUPP: an old kernel or a file system without non-blocking reads.
            _unsupported = true;
            return false;
        }

        throw new IOException($"Reading the file failed: errno {errno}.");
    }

    [LibraryImport("libc", EntryPoint = "preadv2", SetLastError = true)]
    private static partial long Preadv2(SafeFileHandle file, IoVector* vectors, int count, long offset, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }
}
