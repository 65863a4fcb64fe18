using NetScope.Cli.Tests.Support;
using static NetScope.Cli.Tests.Http.HttpCommandTests;

namespace NetScope.Cli.Tests.Http;

/// <summary>Every way <c>netscope http</c> fails: the exit code and the one line on stderr, nothing on stdout.</summary>
public sealed class HttpFailureTests
{
    [Fact]
    public async Task ARefusedConnectionExitsWith3()
    {
        using var closed = new ClosedPort();
        var port = closed.Port;

        var run = await Run("http", $"http://127.0.0.1:{port}/");

        Assert.Equal((3, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: connect 127.0.0.1:{port}: connection refused"], run.StderrLines);
    }

    [Fact]
    public async Task AHostThatDoesNotResolveExitsWith4()
    {
        var run = await Run("http", "http://nowhere.invalid/");

        Assert.Equal((4, ""), (run.ExitCode, run.Stdout));
        Assert.Equal(["netscope: connect nowhere.invalid:80: host not found"], run.StderrLines);
    }

    [Fact]
    public async Task AServerThatNeverAnswersHitsMaxTimeAndExitsWith5()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Silence());

        var run = await Run("http", server.Url(), "--max-time", "0.5");

        Assert.Equal((5, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url()}: no response within 0.5 s"], run.StderrLines);
    }

    [Fact]
    public async Task ABodyThatStallsHitsMaxTimeToo()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"u8.ToArray()));

        // Long enough for the head to arrive first however loaded the machine is.
        var run = await Run("http", server.Url(), "--max-time", "3");

        Assert.Equal((5, "partial"), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url()}: the response body did not complete within 3 s"], run.StderrLines);
    }

    [Fact]
    public async Task InterruptingATransferExitsWith130()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var server = new ScriptedHttpServer(_ =>
        {
            asked.TrySetResult();
            return new Reply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial\n"u8.ToArray());
        });
        await using var netscope = Support.InProcessCli.Start("http", server.Url());
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await netscope.Stdout.LineAsync(line => line == "partial", "the start of the body");

        var run = await netscope.InterruptAsync();

        Assert.Equal((130, "partial\n"), (run.ExitCode, run.Stdout));
        Assert.Equal(["netscope: interrupted"], run.StderrLines);
    }

    [Fact]
    public async Task AResetExitsWith7()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Reset());

        var run = await Run("http", server.Url());

        Assert.Equal((7, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url()}: connection reset by peer"], run.StderrLines);
    }

    [Fact]
    public async Task AMalformedResponseExitsWith31()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Raw("SMTP ready\r\n\r\n"u8.ToArray(), Close: true));

        var run = await Run("http", server.Url());

        Assert.Equal((31, ""), (run.ExitCode, run.Stdout));
        Assert.StartsWith($"netscope: GET {server.Url()}: malformed response: ", Assert.Single(run.StderrLines));
    }

    [Fact]
    public async Task AnEmptyReplyExitsWith31()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Hangup());

        var run = await Run("http", server.Url());

        Assert.Equal(31, run.ExitCode);
        Assert.Equal([$"netscope: GET {server.Url()}: the server closed the connection without sending a response"], run.StderrLines);
    }

    [Fact]
    public async Task ABodyCutShortExitsWith31AfterWritingWhatArrived()
    {
        using var server = new ScriptedHttpServer(_ => new Reply.Raw("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray(), Close: true));

        var run = await Run("http", server.Url());

        Assert.Equal((31, "abc"), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url()}: the connection closed after 3 of 10 body bytes"], run.StderrLines);
    }

    [Fact]
    public async Task AProxyThatRefusesTheTunnelExitsWith30()
    {
        using var proxy = new ScriptedHttpServer(_ => Reply.Text(403, "no"));

        var run = await Run("http", "http://example.test/", "--proxy", proxy.Url(), "--proxytunnel");

        Assert.Equal(30, run.ExitCode);
        Assert.Equal(["netscope: GET http://example.test/: the proxy answered CONNECT example.test:80 with 403 Status"], run.StderrLines);
    }

    [Fact]
    public async Task AnUnwritableOutputFileExitsWith11()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "x"));

        var run = await Run("http", server.Url(), "-o", "/nonexistent-dir/out.bin");

        Assert.Equal(11, run.ExitCode);
        Assert.Equal(["netscope: -o /nonexistent-dir/out.bin: no such file or directory"], run.StderrLines);
    }

    [Fact]
    public async Task AMissingDataFileExitsWith11BeforeConnecting()
    {
        var run = await Run("http", "http://127.0.0.1:9/", "-d", "@/nonexistent-dir/body.bin");

        Assert.Equal(11, run.ExitCode);
        Assert.Equal(["netscope: -d: could not find a part of the path '/nonexistent-dir/body.bin'"], run.StderrLines);
    }

    [Theory]
    [InlineData("bad URL 'ftp://example.test/': it must start with http:// or https://", "ftp://example.test/")]
    [InlineData("bad URL 'http://exa mple/': the host or port is invalid", "http://exa mple/")]
    [InlineData("bad URL 'http://example.test:99999/': the host or port is invalid", "http://example.test:99999/")]
    [InlineData("bad method 'GE T': expected a token such as GET or POST", "GE T", "http://example.test/")]
    [InlineData("bad header 'NoColon': expected 'Name: value'", "http://example.test/", "-H", "NoColon")]
    [InlineData("bad header 'Bad Name: x': 'Bad Name' is not a valid field name", "http://example.test/", "-H", "Bad Name: x")]
    [InlineData("-d and --json both give the body: use one", "http://example.test/", "-d", "a", "--json", "{}")]
    [InlineData("-i and --json-output both write the response head on stdout: use one", "http://example.test/", "-i", "--json-output")]
    [InlineData("--max-time -1: expected a number of seconds >= 0", "http://example.test/", "--max-time", "-1")]
    [InlineData("--connect-timeout 0: expected a positive number of seconds", "http://example.test/", "--connect-timeout", "0")]
    [InlineData("--max-redirs -1: expected a number >= 0", "http://example.test/", "--max-redirs", "-1")]
    [InlineData("--proxytunnel needs --proxy", "http://example.test/", "--proxytunnel")]
    [InlineData("--proxy: 'https://p.test' is not a valid proxy: only http:// proxies are supported", "http://example.test/", "--proxy", "https://p.test")]
    [InlineData("CONNECT is sent by the client itself: use --proxy URL with --proxytunnel to open a tunnel", "CONNECT", "http://example.test/")]
    public async Task UsageMistakesExitWith2AndSayWhatIsWrong(string message, params string[] args)
    {
        var run = await Run(["http", .. args]);

        Assert.Equal((2, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: {message}", "Try 'netscope http --help' for more information."], run.StderrLines);
    }
}
