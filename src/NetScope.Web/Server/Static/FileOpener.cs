using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NetScope.Web.Server.Static;

/// <summary>
/// Opens files for a static file server so that what is opened is what was checked. On Linux the file is
/// opened with <c>O_NOFOLLOW</c> (the last component cannot have become a link since it was resolved) and
/// <c>O_NONBLOCK</c> (a FIFO in the tree cannot block a pool thread forever), and <see cref="OpenedPath"/>
/// reads back from <c>/proc/self/fd</c> where the descriptor really points, to catch a directory on the way
/// swapped for a link between the check and the open.
/// </summary>
internal static partial class FileOpener
{
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int NotPermitted = 1;
    private const int PermissionDenied = 13;

    /// <summary>Opens <paramref name="path"/> for reading.</summary>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="IOException">The file could not be opened.</exception>
    public static SafeFileHandle OpenForReading(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var descriptor = Open(path, ReadOnly | NonBlocking | CloseOnExec | NoFollow());
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is PermissionDenied or NotPermitted)
            {
                throw new UnauthorizedAccessException($"Cannot open {path}: permission denied.");
            }

            throw new IOException($"Cannot open {path}: errno {errno}.");
        }

        return new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>Where an open descriptor points, or <see langword="null"/> where that cannot be known.</summary>
    public static string? OpenedPath(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // O_NOFOLLOW differs between the x86 and the generic (arm) Linux ABIs.
    private static int NoFollow() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x20000,
        Architecture.Arm64 or Architecture.Arm => 0x8000,
        _ => 0,
    };

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
