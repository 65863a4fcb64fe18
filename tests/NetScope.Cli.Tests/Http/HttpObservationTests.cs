using System.Text.Json;
using NetScope.Sessions.Tests.Support;
using static NetScope.Cli.Tests.Http.HttpCommandTests;

namespace NetScope.Cli.Tests.Http;

/// <summary>--timing, --trace, --chains and --json-output on real requests.</summary>
public sealed class HttpObservationTests
{
    [Fact]
    public async Task TimingPrintsThePhasesOfEachRequest()
    {
        using var server = new ScriptedHttpServer(request => request.Target == "/a" ? Reply.Redirect(301, "/b") : Reply.Text(200, "b"));

        var run = await Run("http", server.Url("/a"), "-L", "--timing");

        Assert.Equal((0, "b"), (run.ExitCode, run.Stdout));
        var lines = run.StderrLines.ToArray();
        var first = Array.IndexOf(lines, $"netscope: timing of #1 http GET {server.Url("/a")}:");
        var second = Array.IndexOf(lines, $"netscope: timing of #2 http GET {server.Url("/b")}:");
        Assert.True(first >= 0 && second > first, run.Stderr);
        Assert.Equal(
            ["phase", "dns", "connect", "tls", "first byte sent", "request sent", "first byte received", "headers received", "body received", "total"],
            lines.Skip(first + 1).Take(10).Select(line => line[..Math.Min(23, line.Length)].TrimEnd()));
        Assert.StartsWith("tls                    -           -", lines[first + 4]);
        Assert.StartsWith("dns                    -           -", lines[second + 2]);
    }

    [Fact]
    public async Task ATraceOfARequestMatchesTheSchemaAndShowsItsMilestones()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "traced"));
        var path = Path.Combine(Path.GetTempPath(), $"netscope-http-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = await Run("http", server.Url(), "--trace", path);

            Assert.Equal((0, "traced", ""), (run.ExitCode, run.Stdout, run.Stderr));
            var lines = File.ReadAllLines(path);
            Assert.All(lines, line => Assert.Empty(TraceSchema.Check(line)));
            var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
            var opened = events.Single(e => e.GetProperty("type").GetString() == "session.opened");
            Assert.Equal(("http", $"GET {server.Url()}"), (opened.GetProperty("kind").GetString(), opened.GetProperty("target").GetString()));
            Assert.Equal(
                ["connect", "first byte sent", "request sent", "first byte received", "headers received", "body received"],
                events.Where(e => e.GetProperty("type").GetString() == "session.phase").Select(e => e.GetProperty("phase").GetString()!).Where(p => p != "dns"));
            var closed = events.Single(e => e.GetProperty("type").GetString() == "session.closed");
            Assert.Equal(("closed", "response complete: 200 OK"), (closed.GetProperty("state").GetString(), closed.GetProperty("reason").GetString()));
            Assert.Contains(events, e => e.GetProperty("type").GetString() == "deferred.created" && e.GetProperty("label").GetString() == $"GET {server.Url()}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ChainsShowTheRequestsDeferreds()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "x"));

        var run = await Run("http", server.Url(), "--chains");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"netscope: Deferred chains of #1 http GET {server.Url()}:", run.StderrLines[0]);
        Assert.Contains(run.StderrLines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"#\d+ connect 127\.0\.0\.1:{server.Port} +succeeded in "));
        Assert.Contains(run.StderrLines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"#\d+ GET {System.Text.RegularExpressions.Regex.Escape(server.Url())} +succeeded in "));
    }

    [Fact]
    public async Task JsonOutputDescribesTheResponseTimingsAndBody()
    {
        using var server = new ScriptedHttpServer(request => request.Target == "/start" ? Reply.Redirect(302, "/json") : Reply.Text(200, "{\"ok\":true}", ("Content-Type", "application/json"), ("X-Twice", "1"), ("X-Twice", "2")));

        var run = await Run("http", server.Url("/start"), "-L", "--json-output");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(("GET", server.Url("/json"), 200, "OK", "HTTP/1.1"), (json.GetProperty("method").GetString(), json.GetProperty("url").GetString(), json.GetProperty("status").GetInt32(), json.GetProperty("reason").GetString(), json.GetProperty("version").GetString()));
        Assert.Equal(
            [["Content-Type", "application/json"], ["X-Twice", "1"], ["X-Twice", "2"], ["Content-Length", "11"]],
            json.GetProperty("headers").EnumerateArray().Select(pair => pair.EnumerateArray().Select(v => v.GetString()!).ToArray()));
        Assert.Equal(("{\"ok\":true}", 11, JsonValueKind.Null), (json.GetProperty("body").GetString(), json.GetProperty("body_size").GetInt64(), json.GetProperty("body_file").ValueKind));
        var timings = json.GetProperty("timings");
        Assert.Equal(JsonValueKind.Null, timings.GetProperty("tls").ValueKind);
        Assert.True(timings.GetProperty("connection_reused").GetBoolean());
        Assert.True(timings.GetProperty("done").GetDouble() >= timings.GetProperty("first_byte").GetDouble());
        var redirect = Assert.Single(json.GetProperty("redirects").EnumerateArray());
        Assert.Equal((server.Url("/start"), 302, "/json"), (redirect.GetProperty("url").GetString(), redirect.GetProperty("status").GetInt32(), redirect.GetProperty("location").GetString()));
    }

    [Fact]
    public async Task JsonOutputGivesOnlyTheSizeOfABinaryBody()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Binary(200, [0xFF, 0xFE, 0x00, 0x80]));

        var run = await Run("http", server.Url(), "--json-output");

        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal((JsonValueKind.Null, 4), (json.GetProperty("body").ValueKind, json.GetProperty("body_size").GetInt64()));
    }
}
