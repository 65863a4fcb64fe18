using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetScope.Tui.Bench;
using NetScope.Tui.Tests;

// TUI responsiveness under load: the installed (or built) netscope in a real terminal (a private
// tmux server), with a chargen session flooding the transcript (or a thousand sessions), while
// keys are typed into the input line. Reports keystroke-to-screen latency (from tmux send-keys to
// the pane showing the key), the UI thread's CPU, and resident memory over the run. Exits with 1,
// naming each target missed, when keystroke p99 is 100 ms or more, the UI thread used a core or
// more, or resident memory grew: the second half's maximum more than --max-growth percent
// (default 10) above the first half's.
//
//   dotnet run -c Release --project tests/NetScope.Tui.Bench -- [--seconds 60] [--scenario flood|sessions] [--sessions 1000] [--binary PATH] [--max-growth PERCENT]
var seconds = Option("--seconds", 60);
var scenario = OptionText("--scenario", "flood");
var sessions = Option("--sessions", 1000);
var maxGrowthPercent = Option("--max-growth", 10);
var binary = OptionText("--binary", null) ?? TmuxTerminal.NetScopeBinary();

var port = FreePort();
var arguments = scenario switch
{
    "flood" => $"tui --listen chargen:{port} --open tcp://127.0.0.1:{port}",
    "idle" => $"tui --listen echo:{port} --open tcp://127.0.0.1:{port}",
    "sessions" => $"tui --listen echo:{port} " + string.Join(' ', Enumerable.Repeat($"--open tcp://127.0.0.1:{port}", sessions)),
    _ => throw new ArgumentException($"unknown scenario {scenario} (flood, sessions, idle)"),
};

await using var terminal = await TmuxTerminal.StartAsync(160, 48);
// A thousand --open options do not fit on a typed command line: the command goes in a script.
var script = Path.Combine(terminal.Folder, "run.sh");
await File.WriteAllTextAsync(script, $"exec '{binary}' {arguments}\n");
await terminal.TypeAsync($"exec sh {script}");
await terminal.KeysAsync("Enter");
await terminal.WaitForTextAsync("F2 Session", TimeSpan.FromSeconds(60));
var pid = int.Parse(await terminal.DisplayAsync("#{pane_pid}"), CultureInfo.InvariantCulture);
var probe = new ProcessProbe(pid);
if (scenario == "sessions")
{
    await terminal.WaitForAsync(s => s.Any(r => r.Contains($"({sessions * 2} open, 1 listening)", StringComparison.Ordinal)), $"{sessions * 2} sessions open", TimeSpan.FromSeconds(120));
}
else if (scenario == "flood")
{
    await terminal.WaitForAsync(s => s.Any(r => r.Contains("← ", StringComparison.Ordinal) && r.Contains("0123456789:;<=>?@", StringComparison.Ordinal)), "chargen's lines in the transcript", TimeSpan.FromSeconds(30));
}

await terminal.KeysAsync("i");
await terminal.WaitForTextAsync("Enter Send");

// Only output that moves the cursor to the input line's row (47 of 48) can show a typed key:
// looking at the screen after the transcript's redraws would measure this harness, not netscope.
terminal.OutputFilter = line => line.Contains("\\033[47;", StringComparison.Ordinal);
var latencies = new List<double>();
var memory = new List<(double Second, long Bytes)>();
var clock = Stopwatch.StartNew();
var uiStart = probe.UiThreadCpuSeconds();
var processStart = probe.ProcessCpuSeconds();
var typed = string.Empty;
var nextSample = 0.0;
const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

// A fast typist: ten keys a second, each measured on its own.
using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
while (clock.Elapsed.TotalSeconds < seconds && await pace.WaitForNextTickAsync())
{
    if (clock.Elapsed.TotalSeconds >= nextSample)
    {
        memory.Add((clock.Elapsed.TotalSeconds, probe.ResidentBytes()));
        nextSample += 5;
    }

    var key = Alphabet[typed.Length % Alphabet.Length].ToString();
    var expected = typed + key;
    var sent = Stopwatch.GetTimestamp();
    await terminal.TypeDirectAsync(key);
    await terminal.WaitForAsync(s => InputText(s) == expected, $"'{expected}' in the input line", TimeSpan.FromSeconds(10));
    latencies.Add(Stopwatch.GetElapsedTime(sent, terminal.LastOutput).TotalMilliseconds);
    typed = expected;
    if (typed.Length == 40)
    {
        // Enter sends the line (chargen ignores it) and empties the field.
        await terminal.KeysAsync("Enter");
        await terminal.WaitForAsync(s => InputText(s) == string.Empty, "an empty input line");
        typed = string.Empty;
    }
}

var elapsed = clock.Elapsed.TotalSeconds;
var uiCpu = (probe.UiThreadCpuSeconds() - uiStart) / elapsed;
var processCpu = (probe.ProcessCpuSeconds() - processStart) / elapsed;
memory.Add((elapsed, probe.ResidentBytes()));
await terminal.KeysAsync("C-q");
await terminal.WaitForTextAsync("Quit NetScope");
await terminal.KeysAsync("Enter");

latencies.Sort();
double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p / 100 * latencies.Count) - 1)];
var firstHalf = memory.Where(m => m.Second <= elapsed / 2).Select(m => m.Bytes).ToArray();
var secondHalf = memory.Where(m => m.Second > elapsed / 2).Select(m => m.Bytes).ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario            {scenario}{scenario switch { "sessions" => $" ({sessions} sessions and their {sessions} accepted ends)", "flood" => " (chargen flooding a line session's transcript)", _ => " (one quiet session)" }}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duration            {elapsed:0} s, {latencies.Count} keystrokes"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"keystroke to screen p50 {Percentile(50):0.0} ms, p90 {Percentile(90):0.0} ms, p99 {Percentile(99):0.0} ms, max {latencies[^1]:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"UI thread CPU       {uiCpu:0.00} cores (whole process {processCpu:0.00} cores)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resident memory     {string.Join(", ", memory.Select(m => $"{m.Second:0}s {m.Bytes / 1048576.0:0} MiB"))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory drift        first half max {firstHalf.Max() / 1048576.0:0} MiB, second half max {secondHalf.Max() / 1048576.0:0} MiB"));

var missed = new List<string>();
if (Percentile(99) >= 100)
{
    missed.Add(string.Create(CultureInfo.InvariantCulture, $"keystroke p99 {Percentile(99):0.0} ms is not under 100 ms"));
}

if (uiCpu >= 1)
{
    missed.Add(string.Create(CultureInfo.InvariantCulture, $"UI thread CPU {uiCpu:0.00} cores is not under one core"));
}

var growth = (secondHalf.Max() - (double)firstHalf.Max()) / firstHalf.Max() * 100;
if (growth > maxGrowthPercent)
{
    missed.Add(string.Create(CultureInfo.InvariantCulture, $"resident memory grew {growth:0.0} % from the first half's maximum to the second's (bound {maxGrowthPercent} %)"));
}

foreach (var target in missed)
{
    Console.WriteLine("MISSED              " + target);
}

Console.WriteLine(missed.Count == 0 ? "all targets met" : $"{missed.Count} target(s) missed");
return missed.Count == 0 ? 0 : 1;

// The text typed into the input line: what follows its prompt, up to the pane's border.
static string? InputText(string[] screen)
{
    foreach (var row in screen)
    {
        var at = row.IndexOf("line> ", StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = row[(at + 6)..];
            var end = rest.IndexOf('│', StringComparison.Ordinal);
            return (end < 0 ? rest : rest[..end]).TrimEnd();
        }
    }

    return null;
}

static int FreePort()
{
    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    return ((IPEndPoint)probe.LocalEndPoint!).Port;
}

int Option(string name, int fallback) => OptionText(name, null) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name, string? fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
