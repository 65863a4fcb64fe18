using System.Runtime.InteropServices;
using System.Text.Json;
using NetScope.Cli.Tests.Support;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Cli.Tests.Observation;

/// <summary>
/// The trace of a whole run: a listener stopped by a signal records its stop and its sessions'
/// ends; a trace that cannot be written is a file error; <c>tui --trace</c> takes a file only.
/// </summary>
public sealed class TraceLifecycleTests
{
    [Fact]
    public async Task SigintStopsTheListenerAndItsOpenSessionInTheTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-listen-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var listen = ChildProcess.NetScopeWithDefaultSignals("listen", "echo", "--trace", path);
            var first = await listen.Stdout.LineAtAsync(0);
            var port = int.Parse(first[(first.LastIndexOf(':') + 1)..first.IndexOf(' ', first.LastIndexOf(':'))], System.Globalization.CultureInfo.InvariantCulture);
            using var client = await Peer.ConnectAsync(port);
            await client.SendAsync("ping\n");
            Assert.Equal("ping\n", await client.ReadLineAsync());

            listen.Signal(PosixSignal.SIGINT);

            Assert.Equal("", await client.ReadTextToEndAsync());
            Assert.Equal((0, ""), (await listen.ExitAsync(), listen.Stderr.Text));
            var lines = File.ReadAllLines(path);
            Assert.All(lines, line => Assert.Empty(TraceSchema.Check(line)));
            var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
            string Describe(JsonElement e) => e.GetProperty("type").GetString() + " " + (e.TryGetProperty("state", out var state) ? state.GetString() : "");
            var lifecycle = events
                .Where(e => e.GetProperty("type").GetString() is "listener.state" or "listener.closed" or "session.state" or "session.closed")
                .Select(Describe)
                .ToArray();
            Assert.Equal(
                ["listener.state starting", "listener.state listening", "session.state connecting", "session.state open", "listener.state stopped", "listener.closed stopped", "session.state closed", "session.closed closed"],
                lifecycle);
            var times = events.Select(e => e.GetProperty("t").GetDouble()).ToArray();
            Assert.Equal(times.Order(), times);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ATraceThatCannotBeWrittenIsAFileErrorInOneLine()
    {
        using var server = new EchoServer();

        var run = await CliRun.NetScopeAsync("tcp", $"127.0.0.1:{server.Port}", "--send", "hello\\n", "--expect", "hello", "--linger", "0", "--trace", "/dev/full")
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((int)ExitCode.FileError, run.ExitCode);
        Assert.Equal(["netscope: --trace /dev/full: no space left on device"], run.StderrLines);
    }

    [Theory]
    [InlineData("-", "netscope: --trace -: the terminal UI draws on the terminal; give --trace a file")]
    [InlineData("", "netscope: --trace: expected a file name")]
    public async Task TuiTraceTakesAFileOnly(string value, string expected)
    {
        var run = await CliRun.NetScopeAsync("tui", "--trace", value);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal([expected, "Try 'netscope tui --help' for more information."], run.StderrLines);
    }

    [Fact]
    public async Task TuiTraceWithAFileGetsAsFarAsTheTerminalCheck()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-tui-trace-{Guid.NewGuid():N}.jsonl");

        var run = await CliRun.NetScopeAsync("tui", "--trace", path);

        Assert.Equal(((int)ExitCode.Usage, Commands.TuiCommand.NotATerminal), (run.ExitCode, run.Stderr.TrimEnd('\n')));
        Assert.False(File.Exists(path));
    }
}
