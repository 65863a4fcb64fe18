using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary>
/// The binary's orderly shutdown: a signal stops the listener, closes each connection cleanly
/// (FIN after what was still to send, not a reset) and exits 0 within the 2 s grace period.
/// </summary>
public sealed partial class ListenShutdownTests
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData(PosixSignal.SIGTERM)]
    [InlineData(PosixSignal.SIGINT)]
    public async Task ASignalClosesTheConnectedClientCleanlyAndExitsZero(PosixSignal signal)
    {
        await using var listen = ChildProcess.NetScopeWithDefaultSignals("listen", "echo");
        var port = ParsePort(await listen.Stdout.LineAtAsync(0));
        using var client = await Peer.ConnectAsync(port);
        await client.SendAsync("before the signal\n");
        Assert.Equal("before the signal\n", await client.ReadLineAsync());
        await listen.Stdout.LineAsync(line => line.StartsWith("#1 open ", StringComparison.Ordinal), "the open line");

        var clock = Stopwatch.StartNew();
        listen.Signal(signal);

        // A clean close reads end-of-stream. A connection still open when the grace period ends
        // is aborted, which would read as a reset and throw here.
        Assert.Equal("", await client.ReadTextToEndAsync());
        var closedAfter = clock.Elapsed;
        var exit = await listen.ExitAsync();

        Assert.Equal((0, ""), (exit, listen.Stderr.Text));
        Assert.True(closedAfter < GracePeriod, $"the client was closed {closedAfter.TotalSeconds:0.000}s after the signal");
        Assert.Equal(
            [$"listening on 127.0.0.1:{port} (echo, raw)", $"#1 open 127.0.0.1:{client.LocalEndPoint.Port}"],
            listen.Stdout.Lines.Take(2));
        Assert.Matches($@"^#1 close 127\.0\.0\.1:{client.LocalEndPoint.Port} in=18 out=18 \d+\.\d{{3}}s: ", Assert.Single(listen.Stdout.Lines.Skip(2)));
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => Peer.ConnectAsync(port));
    }

    [Fact]
    public async Task ASignalWithNoConnectionStopsAtOnce()
    {
        await using var listen = ChildProcess.NetScopeWithDefaultSignals("listen", "chargen", "--json");
        await listen.Stdout.LineAtAsync(0);

        listen.Signal(PosixSignal.SIGTERM);

        Assert.Equal((0, ""), (await listen.ExitAsync(), listen.Stderr.Text));
        Assert.Single(listen.Stdout.Lines);
    }

    private static int ParsePort(string line)
    {
        var match = ListeningLine().Match(line);
        Assert.True(match.Success, line);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+) \(")]
    private static partial Regex ListeningLine();
}
