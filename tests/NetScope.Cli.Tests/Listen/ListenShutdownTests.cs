using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary>
/// The binary's orderly shutdown: a signal stops the listener, closes each connection cleanly
/// (FIN after what was still to send, not a reset, which is what a connection still open after
/// the 2 s grace period would get) and exits 0.
/// </summary>
public sealed partial class ListenShutdownTests
{
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

        listen.Signal(signal);

        // A clean close, within the grace period, reads end-of-stream. A connection still open when
        // the grace period ends is aborted, which would read as a reset and throw here (no wall
        // clock needed: it would measure this machine's load as much as the listener).
        Assert.Equal("", await client.ReadTextToEndAsync());
        var exit = await listen.ExitAsync();

        Assert.Equal((0, ""), (exit, listen.Stderr.Text));
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
