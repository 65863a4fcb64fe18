using System.Globalization;

namespace NetScope.Tui.Bench;

/// <summary>Reads a process's CPU time (whole, and of its main thread, which runs the UI loop) and resident memory from /proc.</summary>
internal sealed class ProcessProbe
{
    private const double TicksPerSecond = 100;
    private readonly int _pid;

    public ProcessProbe(int pid)
    {
        _pid = pid;
    }

    /// <summary>CPU seconds used by the main thread (the UI thread: Terminal.Gui's loop runs on the thread that called Run).</summary>
    public double UiThreadCpuSeconds() => CpuSeconds($"/proc/{_pid}/task/{_pid}/stat");

    /// <summary>CPU seconds used by the whole process (reactor, feed, input and UI threads).</summary>
    public double ProcessCpuSeconds() => CpuSeconds($"/proc/{_pid}/stat");

    /// <summary>Resident memory in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {_pid}");
    }

    private static double CpuSeconds(string path)
    {
        // The command name (field 2) may hold spaces: fields are counted after its closing parenthesis.
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (user + system) / TicksPerSecond;
    }
}
