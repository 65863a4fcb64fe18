using System.Diagnostics;
using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>How a <c>netscope tcp</c> session ends once its input is over: <c>--half-close</c> and <c>--linger</c>.</summary>
public sealed class TcpEndingTests
{
    [Fact]
    public async Task HalfCloseSendsFinAfterTheLastSendAndReadsUntilThePeerCloses()
    {
        // The server answers only once the request is complete (it has seen the FIN): a client
        // that closed instead of half-closing, or stopped reading after --linger, would miss it.
        await using var server = PeerServer.Start(async peer =>
        {
            var request = await peer.ReadToEndAsync();
            await peer.SendAsync($"got {request.Length} bytes\r\nbye\r\n");
        });

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", "abc", "--send", @"def\n", "--half-close", "--linger", "0");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "got 7 bytes\nbye\n", ""), run.Outcome());
    }

    [Fact]
    public async Task HalfCloseAtTheEndOfStdin()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            var request = Encoding.ASCII.GetString(await peer.ReadToEndAsync());
            await peer.SendAsync($"[{request.Replace("\r\n", "|", StringComparison.Ordinal)}]\n");
        });

        var run = await TcpRun.WithStdinAsync("one\ntwo\n", $"127.0.0.1:{server.Port}", "--half-close");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "[one|two|]\n", ""), run.Outcome());
    }

    [Fact]
    public async Task WithoutHalfCloseThePeerSeesNoFinUntilTheLingerEnds()
    {
        var log = new List<string>();
        await using var server = PeerServer.Start(async peer =>
        {
            log.Add(await peer.ReadLineAsync());
            await peer.SendAsync("pong\r\n");
            log.Add($"end: \"{await peer.ReadTextToEndAsync()}\"");
        });

        // Expecting the answer before the input ends keeps a slow peer from losing it to the linger (1 s).
        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", @"ping\n", "--expect", "pong");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "pong\n", ""), run.Outcome());
        Assert.Equal(["ping\n", "end: \"\""], log);
    }

    [Fact]
    public async Task APeerThatHasFinishedSendingEndsTheSessionWithoutWaitingForTheLinger()
    {
        var log = new List<string>();
        await using var server = PeerServer.Start(async peer =>
        {
            log.Add(await peer.ReadLineAsync());
            await peer.SendAsync("bye\r\n");
            peer.FinishSending();
            log.Add($"end: \"{await peer.ReadTextToEndAsync()}\"");
        });

        // A linger of a minute outlasts the run's bound (10 s): only ending on the peer's FIN finishes in time.
        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", @"hello\n", "--linger", "60");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "bye\n", ""), run.Outcome());
        Assert.Equal(["hello\n", "end: \"\""], log);
    }

    [Fact]
    public async Task LingerKeepsASilentSessionOpenForThatLongAfterTheInputEnds()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());
        var clock = Stopwatch.StartNew();

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", "x", "--linger", "0.5");
        var elapsed = clock.Elapsed;
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "", ""), run.Outcome());
        Assert.Equal("x", Encoding.ASCII.GetString(received));
        Assert.True(elapsed >= TimeSpan.FromSeconds(0.5), $"closed after {elapsed.TotalSeconds:0.000}s");
    }

    [Fact]
    public async Task DataArrivingDuringTheLingerStartsTheQuietPeriodAgain()
    {
        var sendMore = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.ReadLineAsync();
            await peer.SendAsync("a\n");
            await sendMore.Task.WaitAsync(LiveOutput.Bound);
            await peer.SendAsync("b\n");
            await peer.ReadToEndAsync();
        });

        await using var cli = TcpRun.Start(() => new MemoryStream(), $"127.0.0.1:{server.Port}", "--send", @"go\n", "--linger", "2");
        await cli.Stdout.LineAsync(line => line == "a", "the first answer");

        // The input ended before "a" arrived; "b" is sent after this point, so a linger that
        // restarts on data cannot end before 2 s from here (one that does not would end sooner).
        var clock = Stopwatch.StartNew();
        sendMore.SetResult();
        var run = await cli.FinishedAsync();
        var elapsed = clock.Elapsed;

        Assert.Equal((0, "a\nb\n", ""), run.Outcome());
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"closed {elapsed.TotalSeconds:0.000}s after the second answer was released");
    }

    [Theory]
    [InlineData("--linger", "-1", "netscope: --linger -1: expected a number of seconds >= 0")]
    [InlineData("--timeout", "0", "netscope: --timeout 0: expected a positive number of seconds")]
    [InlineData("--timeout", "-2.5", "netscope: --timeout -2.5: expected a positive number of seconds")]
    public async Task ANegativeDurationIsAUsageError(string option, string value, string message)
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", option, value);

        Assert.Equal((2, "", $"{message}\nTry 'netscope tcp --help' for more information.\n"), run.Outcome());
    }
}
