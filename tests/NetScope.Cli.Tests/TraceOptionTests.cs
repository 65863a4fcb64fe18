using System.Text.Json;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Cli.Tests;

/// <summary><c>--trace</c>, <c>--chains</c> and <c>--timing</c> on a real <c>netscope tcp</c> session over loopback.</summary>
public sealed class TraceOptionTests
{
    [Fact]
    public async Task ATraceFileOfARealSessionHasOnlyLinesThatMatchTheDocumentedSchema()
    {
        using var server = new EchoServer();
        var path = Path.Combine(Path.GetTempPath(), $"netscope-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            // --linger 0.5 keeps the session open past the workspace's first sampling tick (0.25 s),
            // which is when loop.health is first sampled: a quicker run has none to trace.
            var run = await CliRun.NetScopeAsync("tcp", $"127.0.0.1:{server.Port}", "--send", "hello\\n", "--expect", "hello", "--linger", "0.5", "--trace", path)
                .WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
            Assert.Equal(["hello"], run.StdoutLines);
            var lines = File.ReadAllLines(path);
            Assert.All(lines, line => Assert.Empty(TraceSchema.Check(line)));
            var types = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()!).ToArray();
            Assert.Equal("trace.started", types[0]);
            Assert.Equal("session.closed", types.Last(t => t.StartsWith("session.", StringComparison.Ordinal)));
            Assert.Superset(
                new HashSet<string> { "session.opened", "session.state", "session.phase", "transport.opened", "transport.state", "transport.bytes", "transcript.appended", "tcp.info", "loop.health", "deferred.created", "deferred.link_added", "deferred.fired", "deferred.step" },
                types.ToHashSet());
            Assert.Equal(
                ["connecting", "connected", "established", "closing", "closed"],
                lines.Select(line => JsonDocument.Parse(line).RootElement)
                    .Where(e => e.GetProperty("type").GetString() is "transport.opened" or "transport.state")
                    .Select(e => e.GetProperty("state").GetString()!)
                    .ToArray());
            var sequence = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("seq").GetInt64()).ToArray();
            Assert.Equal(sequence.Order(), sequence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ChainsAndTimingArePrintedOnStderrAtExit()
    {
        using var server = new EchoServer();

        var run = await CliRun.NetScopeAsync("tcp", $"127.0.0.1:{server.Port}", "--send", "hello\\n", "--expect", "hello", "--linger", "0", "--chains", "--timing")
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["hello"], run.StdoutLines);
        var stderr = run.StderrLines;
        var chainsAt = Array.IndexOf(stderr.ToArray(), $"netscope: Deferred chains of #1 tcp 127.0.0.1:{server.Port}:");
        var timingAt = Array.IndexOf(stderr.ToArray(), $"netscope: timing of #1 tcp 127.0.0.1:{server.Port}:");
        Assert.True(chainsAt >= 0 && timingAt > chainsAt, run.Stderr);
        // The expect is awaited inside the script, so it is drawn nested under that await's row.
        Assert.Contains(stderr, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^[│ ]*#\d+ expect /hello/ +succeeded in "));
        Assert.Contains(stderr, line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^[│ ]*└─ cb  ScriptRunner\.RunSteps \(await\) +-> resumed with hello "));
        Assert.Equal("phase                  at          took", stderr[timingAt + 1]);
        Assert.Equal(
            ["dns", "connect", "tls", "first byte sent", "first byte received", "total", "line round trip"],
            stderr.Skip(timingAt + 2).Take(7).Select(line => line[..23].TrimEnd()).ToArray());
        Assert.StartsWith("tls                    -           -", stderr[timingAt + 4]);
        Assert.StartsWith("line round trip        1 line: min ", stderr[timingAt + 8]);
    }

    [Fact]
    public async Task TraceToStderrInterleavesJsonLinesThatMatchTheSchema()
    {
        using var server = new EchoServer();

        var run = await CliRun.NetScopeAsync("tcp", $"127.0.0.1:{server.Port}", "--send", "hi\\n", "--expect", "hi", "--linger", "0", "--trace", "-")
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.StderrLines);
        Assert.All(run.StderrLines, line => Assert.Empty(TraceSchema.Check(line)));
    }

    [Fact]
    public async Task AnUnwritableTraceFileIsAFileErrorBeforeAnythingRuns()
    {
        var run = await CliRun.NetScopeAsync("tcp", "127.0.0.1:9", "--trace", "/nonexistent-dir/trace.jsonl");

        Assert.Equal((int)ExitCode.FileError, run.ExitCode);
        Assert.Equal("netscope: --trace /nonexistent-dir/trace.jsonl: could not find a part of the path '/nonexistent-dir/trace.jsonl'", Assert.Single(run.StderrLines));
    }
}
