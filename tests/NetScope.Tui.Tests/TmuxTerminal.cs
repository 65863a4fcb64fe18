using System.Diagnostics;
using System.Text;

namespace NetScope.Tui.Tests;

/// <summary>
/// A real terminal for end-to-end tests: a private tmux server (its own socket, killed at the end)
/// with one session running sh. Waiting is driven by tmux itself: a control-mode client reports
/// every change of the pane, and the screen is captured again after each one.
/// </summary>
internal sealed class TmuxTerminal : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);
    private readonly string _socket = "netscope-e2e-" + Guid.NewGuid().ToString("N")[..12];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly object _gate = new();
    private long _lastOutput;
    private Process? _control;
    private string? _socketPath;

    private TmuxTerminal()
    {
    }

    /// <summary>Where the test keeps its files (stty states, exit code).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("netscope-e2e-").FullName;

    public static async Task<TmuxTerminal> StartAsync(int columns, int rows)
    {
        var terminal = new TmuxTerminal();
        await terminal.RunAsync("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", columns.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "sh");
        await terminal.RunAsync("set-option", "-g", "window-size", "manual");
        terminal._socketPath = (await terminal.RunAsync("display-message", "-p", "#{socket_path}")).Trim();
        terminal.StartControlClient();
        return terminal;
    }

    /// <summary>The binary under test: <c>NETSCOPE_BIN</c> (set by install.sh), else the one built next to these tests.</summary>
    public static string NetScopeBinary()
    {
        if (Environment.GetEnvironmentVariable("NETSCOPE_BIN") is { Length: > 0 } installed)
        {
            return installed;
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent?.Name ?? "Debug";
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NetScope.sln")))
        {
            root = root.Parent;
        }

        var built = Path.Combine(root?.FullName ?? ".", "src", "NetScope.Cli", "bin", configuration, "net10.0", "netscope");
        return File.Exists(built) ? built : throw new FileNotFoundException($"no netscope binary: set NETSCOPE_BIN or build {built}", built);
    }

    /// <summary>
    /// Which pane output counts as a change worth looking at (all of it by default): a benchmark
    /// that waits for one row narrows it to output that moves the cursor to that row.
    /// </summary>
    public Func<string, bool>? OutputFilter { get; set; }

    /// <summary>When the latest output that passed <see cref="OutputFilter"/> arrived (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastOutput
    {
        get
        {
            lock (_gate)
            {
                return _lastOutput;
            }
        }
    }

    /// <summary>Types <paramref name="text"/> literally through the control client: no process is started, so the moment it is sent is known closely.</summary>
    public async Task TypeDirectAsync(string text)
    {
        var input = _control!.StandardInput;
        await input.WriteLineAsync($"send-keys -t t -l '{text.Replace("'", "'\\''", StringComparison.Ordinal)}'");
        await input.FlushAsync();
    }

    /// <summary>Types <paramref name="keys"/> (tmux key names like Enter, F3, C-q, M-2).</summary>
    public Task KeysAsync(params string[] keys) => RunAsync(["send-keys", "-t", "t", .. keys]);

    /// <summary>Types <paramref name="text"/> literally.</summary>
    public Task TypeAsync(string text) => RunAsync("send-keys", "-t", "t", "-l", text);

    /// <summary>The screen, one string per row.</summary>
    public async Task<string[]> CaptureAsync() => (await RunAsync("capture-pane", "-p", "-t", "t")).Split('\n');

    /// <summary>A tmux format evaluated for the pane (<c>#{alternate_on}</c>, ...).</summary>
    public async Task<string> DisplayAsync(string format) => (await RunAsync("display-message", "-p", "-t", "t", format)).Trim();

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>, looking again whenever the pane changes; returns that screen.</summary>
    public async Task<string[]> WaitForAsync(Func<string[], bool> condition, string what, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = patience ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var screen = await CaptureAsync();
            if (condition(screen))
            {
                return screen;
            }

            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the terminal never showed {what}; it shows:\n{string.Join('\n', screen)}");
            }

            await _changed.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Waits until some row contains <paramref name="text"/>.</summary>
    public Task<string[]> WaitForTextAsync(string text, TimeSpan? patience = null) =>
        WaitForAsync(screen => screen.Any(row => row.Contains(text, StringComparison.Ordinal)), $"'{text}'", patience);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server has gone already.
        }

        // tmux leaves its socket file behind: this server was ours, so is the file.
        if (_socketPath is { Length: > 0 } path && Path.GetFileName(path) == _socket)
        {
            File.Delete(path);
        }

        if (_control is { } control)
        {
            if (!control.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                control.Kill();
            }

            control.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }

    private void StartControlClient()
    {
        var info = Start(["-C", "attach-session", "-t", "t"]);
        info.RedirectStandardInput = true;
        _control = Process.Start(info)!;
        _control.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("%output", StringComparison.Ordinal) && (OutputFilter?.Invoke(line) ?? true))
            {
                lock (_gate)
                {
                    _lastOutput = Stopwatch.GetTimestamp();
                }

                _changed.Release();
            }
        };
        _control.BeginOutputReadLine();
    }

    private ProcessStartInfo Start(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Box drawing and symbols must come through as UTF-8. What the test host set for its own
        // headless tests (no real terminal, no colour) must not reach the program under test.
        info.Environment["LANG"] = "C.UTF-8";
        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment.Remove("NO_COLOR");
        info.Environment.Remove("DisableRealDriverIO");
        return info;
    }

    private async Task<string> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(Start(arguments))!;
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
