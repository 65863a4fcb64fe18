using System.Diagnostics;
using System.Text.RegularExpressions;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary><c>netscope listen http</c> run as the CLI: each mode and knob, its request log, and its usage errors.</summary>
public sealed partial class ListenHttpTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netscope-listen-http-").FullName;

    public ListenHttpTests() => File.WriteAllText(Path.Combine(_root, "a.txt"), "hello file\n");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task RootServesTheDirectoryToCurlAndLogsOneLinePerRequest()
    {
        await using var listener = await RunningListener.StartAsync("http", "--root", _root);

        var (exitCode, body, _) = await Curl($"http://127.0.0.1:{listener.Port}/a.txt");
        var log = await listener.LineStartingAsync("127.0.0.1:");

        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (http, root {_root})", listener.FirstLine);
        Assert.Equal((0, "hello file\n"), (exitCode, body));
        Assert.Matches(RequestLogLine(), log);
        Assert.EndsWith("\"GET /a.txt HTTP/1.1\" 200 11", log[..log.LastIndexOf(' ')], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientThatShutsDownItsSendingSideStillGetsTheFile()
    {
        await using var listener = await RunningListener.StartAsync("http", "--root", _root);
        using var peer = await listener.ConnectAsync();

        await peer.SendAsync("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n");
        peer.FinishSending();
        var answer = await peer.ReadTextToEndAsync();
        var log = await listener.LineStartingAsync("127.0.0.1:");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nhello file\n", answer, StringComparison.Ordinal);
        Assert.Contains("\"GET /a.txt HTTP/1.1\" 200 11 ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EchoAnswersWithTheRequest()
    {
        await using var listener = await RunningListener.StartAsync("http", "--echo");

        var answer = await Exchange(listener, "POST /x?y=1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc");

        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (http, echo)", listener.FirstLine);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nPOST /x?y=1 HTTP/1.1\nHost: h\nConnection: close\nContent-Length: 3\n\nBody: 3 bytes\nabc", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAnswersWithItsBodyAndHeaders()
    {
        await using var listener = await RunningListener.StartAsync("http", "--status", "418", "--body", "short and stout", "--header", "X-Pot: tea");

        var answer = await Exchange(listener, "GET /anything HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        var log = await listener.LineStartingAsync("127.0.0.1:");

        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (http, status 418)", listener.FirstLine);
        Assert.StartsWith("HTTP/1.1 418 I'm a teapot\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Pot: tea\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 15\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nshort and stout", answer, StringComparison.Ordinal);
        Assert.Contains("\"GET /anything HTTP/1.1\" 418 15 ", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DelayHoldsTheAnswerAtLeastThatLong()
    {
        await using var listener = await RunningListener.StartAsync("http", "--status", "200", "--body", "late", "--delay", "400ms");
        var clock = Stopwatch.StartNew();

        var answer = await Exchange(listener, "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.EndsWith("\r\n\r\nlate", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAfterDropsTheConnectionAfterExactlyThatManyBytes()
    {
        await using var listener = await RunningListener.StartAsync("http", "--status", "200", "--body", new string('x', 500), "--close-after", "40");

        var answer = await Exchange(listener, "GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal("HTTP/1.1 200 OK\r\nDate: ", answer[..23]);
        Assert.Equal(40, answer.Length);
        var log = await listener.LineStartingAsync("127.0.0.1:");
        Assert.Contains("\"GET / HTTP/1.1\" 200 ", log, StringComparison.Ordinal);
        Assert.EndsWith("(incomplete)", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MaxBodyRefusesALargerBodyWith413()
    {
        await using var listener = await RunningListener.StartAsync("http", "--echo", "--max-body", "10");

        var small = await Exchange(listener, "POST / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nContent-Length: 10\r\n\r\n0123456789");
        var large = await Exchange(listener, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n0123456789A");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", small, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 413 Content Too Large\r\n", large, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderTimeoutAnswers408ToASlowHead()
    {
        await using var listener = await RunningListener.StartAsync("http", "--echo", "--header-timeout", "300ms");
        // Started before the connect: the server's timer starts at its accept, which may run
        // before this side's connect continuation does on a loaded machine.
        var clock = Stopwatch.StartNew();
        using var peer = await listener.ConnectAsync();

        await peer.SendAsync("GET / HTTP/1.1\r\nHost: h\r\n");
        var answer = await peer.ReadTextToEndAsync();

        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", answer, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task TlsServesHttpsToCurl()
    {
        await using var listener = await RunningListener.StartAsync("http", "--root", _root, "--tls");

        var (exitCode, body, stderr) = await Curl("-k", $"https://127.0.0.1:{listener.Port}/a.txt");

        Assert.StartsWith($"listening on 127.0.0.1:{listener.Port} (http, root {_root}, tls ", listener.FirstLine, StringComparison.Ordinal);
        Assert.Equal((0, "hello file\n", ""), (exitCode, body, stderr));
        Assert.Contains("\"GET /a.txt HTTP/1.1\" 200 11 ", await listener.LineStartingAsync("127.0.0.1:"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--root|.|--echo", "--root, --echo and --status: choose one")]
    [InlineData("--echo|--status|200", "--root, --echo and --status: choose one")]
    [InlineData("--drip|0", "--drip 0: expected a rate above zero (100, 10k, 1MB)")]
    [InlineData("--status|100", "--status 100: a 1xx status is not a final answer; choose 200-999")]
    [InlineData("--status|101", "--status 101: a 1xx status is not a final answer; choose 200-999")]
    [InlineData("--status|199", "--status 199: a 1xx status is not a final answer; choose 200-999")]
    [InlineData("--status|99", "--status 99: expected a three-digit status code")]
    [InlineData("--status|204|--body|x", "--status 204 --body: a 204 answer cannot carry a body")]
    [InlineData("--status|304|--body|x", "--status 304 --body: a 304 answer cannot carry a body")]
    [InlineData("--status|abc", "--status 'abc': expected a whole number")]
    [InlineData("--body|x", "--body and --header go with --status")]
    [InlineData("--echo|--max-body|lots", "--max-body lots: 'lots' is not a byte count: expected a whole number with an optional k, M or G")]
    [InlineData("--echo|--header-timeout|0", "--header-timeout 0: expected a duration above zero (500ms, 30s, 2m)")]
    public async Task BadValuesAreOneLineUsageErrors(string arguments, string message)
    {
        var run = await CliRun.NetScopeAsync(["listen", "http", .. arguments.Split('|')]);

        Assert.Equal(
            (2, "", $"netscope: {message}\nTry 'netscope listen http --help' for more information.\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    /// <summary>Sends <paramref name="request"/> on a new connection and reads until the server closes.</summary>
    private static async Task<string> Exchange(RunningListener listener, string request)
    {
        using var peer = await listener.ConnectAsync();
        await peer.SendAsync(request);
        return await peer.ReadTextToEndAsync();
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> Curl(params string[] arguments)
    {
        await using var curl = ChildProcess.Start("curl", ["-sS", "--max-time", "10", .. arguments]);
        var exitCode = await curl.ExitAsync();
        return (exitCode, curl.Stdout.Text, curl.Stderr.Text);
    }

    // 127.0.0.1:PORT "METHOD TARGET VERSION" STATUS BYTES DURATION
    [GeneratedRegex("""^127\.0\.0\.1:\d+ "GET /a\.txt HTTP/1\.1" 200 11 \d+(\.\d+)?(ms|s)$""")]
    private static partial Regex RequestLogLine();
}
