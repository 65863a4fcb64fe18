using System.Runtime.InteropServices;

namespace NetScope.Tui.App;

/// <summary>
/// Lowers the scheduling priority of the calling thread (Linux <c>setpriority</c> on the thread's
/// id): the reactor thread of the TUI yields to the UI and input threads when the CPU is short,
/// so a flood of data cannot delay a keystroke. .NET's <c>Thread.Priority</c> does nothing on Linux.
/// </summary>
internal static class ThreadNiceness
{
    private const int PrioProcess = 0;

    /// <summary>Adds <paramref name="niceness"/> to the calling thread's nice value; returns whether it took effect.</summary>
    public static bool Lower(int niceness)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var thread = GetThreadId();
            Marshal.SetLastPInvokeError(0);
            var current = GetPriority(PrioProcess, thread);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }

            return SetPriority(PrioProcess, thread, Math.Min(19, current + niceness)) == 0;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // Plain DllImport: every argument is an int, nothing to marshal, no unsafe code needed.
    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);
}
