using System.Diagnostics;
using System.Runtime.InteropServices;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// A child process a test starts (the netscope binary, socat, a Twisted script), with its stdout
/// and stderr readable while it runs. Disposing it kills the process by its PID if it is still
/// running: use it with <c>await using</c>, so the kill happens whatever the test's outcome.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    /// <summary>The Python with Debian's python3-twisted (not a pyenv or venv one that lacks it).</summary>
    public const string Python = "/usr/bin/python3";

    // Resets what a parent may have left on the child: an ignored SIGINT (a background job of a
    // non-interactive shell has one, and exec keeps it) or blocked signals. Then it execs the
    // command, which keeps the PID.
    private const string WithDefaultSignals =
        "import os, signal, sys\n" +
        "signal.pthread_sigmask(signal.SIG_SETMASK, [])\n" +
        "for s in (signal.SIGINT, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)\n" +
        "os.execv(sys.argv[1], sys.argv[1:])\n";

    private readonly Process _process;
    private readonly Task _pumps;

    private ChildProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(
            Task.Run(() => PumpAsync(process.StandardOutput.BaseStream, Stdout)),
            Task.Run(() => PumpAsync(process.StandardError.BaseStream, Stderr)));
    }

    public LiveOutput Stdout { get; } = new("stdout");

    public LiveOutput Stderr { get; } = new("stderr");

    public int Pid => _process.Id;

    /// <summary>Writes <paramref name="data"/> to the child's standard input.</summary>
    public async Task WriteStdinAsync(byte[] data)
    {
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        await _process.StandardInput.BaseStream.WriteAsync(data, bound.Token);
        await _process.StandardInput.BaseStream.FlushAsync(bound.Token);
    }

    /// <summary>Closes the child's standard input: it reads end-of-file.</summary>
    public void CloseStdin() => _process.StandardInput.Close();

    /// <summary>Starts <paramref name="program"/> with <paramref name="args"/>, all three standard streams piped.</summary>
    public static ChildProcess Start(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start"));
    }

    /// <summary>Starts the netscope binary (see <see cref="NetScopeBinary"/>).</summary>
    public static ChildProcess NetScope(params string[] args) => Start(NetScopeBinary.Path, args);

    /// <summary>
    /// Starts the netscope binary with SIGINT and SIGTERM at their defaults and no signal blocked,
    /// whatever the test host inherited, so a signal test tests netscope and not its parent.
    /// </summary>
    public static ChildProcess NetScopeWithDefaultSignals(params string[] args) =>
        Start(Python, ["-c", WithDefaultSignals, NetScopeBinary.Path, .. args]);

    /// <summary>Sends <paramref name="signal"/> to the child (by its PID).</summary>
    public void Signal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGINT and SIGTERM are used"),
        };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {number}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits (bounded) for the child to exit and for its output to be read to the end; returns the exit code.</summary>
    public async Task<int> ExitAsync()
    {
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
            await _pumps.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"pid {Pid} did not exit within {LiveOutput.Bound.TotalSeconds}s; stdout: {Stdout.Text}; stderr: {Stderr.Text}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGKILL to this PID only: never a process the test did not start.
            _process.Kill(entireProcessTree: false);
        }

        await _pumps.WaitAsync(LiveOutput.Bound).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }

    // DllImport rather than LibraryImport: the generated stub needs unsafe code in the project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task PumpAsync(Stream stream, LiveOutput output)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int count;
            while ((count = await stream.ReadAsync(buffer)) > 0)
            {
                output.Append(buffer.AsSpan(0, count));
            }
        }
        finally
        {
            output.End();
        }
    }
}
