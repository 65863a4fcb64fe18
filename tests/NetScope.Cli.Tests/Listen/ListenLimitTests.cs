using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary><c>--max-conns</c> and <c>--idle-timeout</c>.</summary>
public sealed class ListenLimitTests
{
    [Fact]
    public async Task MaxConnsTurnsAwayConnectionsBeyondTheLimitAndServesAgainOnceOneLeaves()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--max-conns", "1");
        using var first = await listener.ConnectAsync();
        await listener.LineStartingAsync("#1 open ");

        using (var second = await listener.ConnectAsync())
        {
            var refused = await listener.LineStartingAsync("refused ");

            Assert.Equal($"refused 127.0.0.1:{second.LocalEndPoint.Port}: already serving the maximum of 1 connection(s)", refused);
            Assert.Equal("", await second.ReadTextToEndAsync());
        }

        await first.SendAsync("still served\n");
        Assert.Equal("still served\n", await first.ReadLineAsync());
        first.FinishSending();
        await first.ReadToEndAsync();
        await listener.LineStartingAsync("#1 close ");

        using var third = await listener.ConnectAsync();
        await third.SendAsync("my turn\n");
        Assert.Equal("my turn\n", await third.ReadLineAsync());
        Assert.Equal($"#2 open 127.0.0.1:{third.LocalEndPoint.Port}", await listener.LineStartingAsync("#2 open "));
    }

    [Fact]
    public async Task ARefusedConnectionIsAnEventOfItsOwnInJson()
    {
        await using var listener = await RunningListener.StartAsync("discard", "--json", "--max-conns", "1");
        using var first = await listener.ConnectAsync();
        await listener.Stdout.LineAsync(line => line.Contains("\"open\"", StringComparison.Ordinal), "the open event");
        using var second = await listener.ConnectAsync();

        var refused = await listener.Stdout.LineAsync(line => line.Contains("\"refused\"", StringComparison.Ordinal), "the refused event");

        Assert.Equal(
            $$"""{"event":"refused","peer":"127.0.0.1:{{second.LocalEndPoint.Port}}","reason":"already serving the maximum of 1 connection(s)"}""",
            refused);
    }

    [Fact]
    public async Task IdleTimeoutClosesAConnectionWithoutTraffic()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--idle-timeout", "0.3");
        using var client = await listener.ConnectAsync();

        Assert.Equal("", await client.ReadTextToEndAsync());
        var close = await listener.LineStartingAsync("#1 close ");

        Assert.Matches($@"^#1 close 127\.0\.0\.1:{client.LocalEndPoint.Port} in=0 out=0 \d+\.\d{{3}}s: idle for 0\.3s$", close);
        var seconds = double.Parse(close.Split(' ')[5].TrimEnd(':', 's'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seconds >= 0.3, close);
    }

    [Theory]
    [InlineData("--max-conns", "-1", "netscope: --max-conns -1: expected 0 or more")]
    [InlineData("--idle-timeout", "-0.5", "netscope: --idle-timeout -0.5: expected seconds >= 0")]
    public async Task ANegativeLimitIsAUsageError(string option, string value, string message)
    {
        var run = await CliRun.NetScopeAsync("listen", "echo", option, value);

        Assert.Equal((2, "", $"{message}\nTry 'netscope listen echo --help' for more information.\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }
}
