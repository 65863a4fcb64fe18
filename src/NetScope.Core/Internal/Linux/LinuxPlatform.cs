using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>Whether the epoll reactor can run here; elsewhere the portable reactor takes over.</summary>
internal static class LinuxPlatform
{
    /// <summary>
    /// True on Linux, on an architecture whose constants match <see cref="Libc"/>, when
    /// <c>epoll_create1</c> works (it may not under some sandboxes or emulators). Probed once.
    /// </summary>
    public static bool IsSupported { get; } = Probe();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !HasGenericLinuxConstants(RuntimeInformation.ProcessArchitecture))
        {
            return false;
        }

        try
        {
            using SafeFdHandle epoll = Libc.epoll_create1(Libc.EPOLL_CLOEXEC);
            return !epoll.IsInvalid;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // MIPS, SPARC and Alpha number errno values and socket constants differently; .NET does not
    // run there today, and an architecture added later must be checked before it is listed here.
    private static bool HasGenericLinuxConstants(Architecture architecture) => architecture is
        Architecture.X64 or Architecture.X86 or Architecture.Arm64 or Architecture.Arm or Architecture.Armv6
        or Architecture.RiscV64 or Architecture.LoongArch64 or Architecture.S390x or Architecture.Ppc64le;
}
