using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>What <c>netscope tcp</c> prints of the conversation: lines, raw bytes (<c>--raw</c>) or a hex dump (<c>--hex</c>).</summary>
public sealed class TcpOutputModeTests
{
    [Fact]
    public async Task RawPrintsReceivedBytesExactlyWhereLineModeWouldReframeThem()
    {
        await using var server = PeerServer.Start(peer => peer.SendAsync("a\r\nb\n\nc"));

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--raw", "--linger", "5");

        Assert.Equal((0, "a\r\nb\n\nc", ""), run.Outcome());
    }

    [Fact]
    public async Task RawSendsStdinUnchangedWithoutAddingLineEndings()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());

        var run = await TcpRun.WithStdinAsync("one\ntwo\r\nthree", $"127.0.0.1:{server.Port}", "--raw", "--eol", "cr", "--linger", "0");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "", ""), run.Outcome());
        Assert.Equal("one\ntwo\r\nthree", Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task HexDumpsBothDirectionsWithOffsetsCountedPerDirection()
    {
        await using var server = PeerServer.Echo();

        var run = await TcpRun.RunAsync(
            $"127.0.0.1:{server.Port}",
            "--hex",
            "--send", @"hello\r\n",
            "--expect", @"\n",
            "--send", @"0123456789abcdef\x00\xffZ\n",
            "--expect", @"Z\n",
            "--linger", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(
            [
                "> 00000000  68 65 6c 6c 6f 0d 0a                              |hello..|",
                "< 00000000  68 65 6c 6c 6f 0d 0a                              |hello..|",
                "> 00000007  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|",
                "> 00000017  00 ff 5a 0a                                       |..Z.|",
                "< 00000007  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  |0123456789abcdef|",
                "< 00000017  00 ff 5a 0a                                       |..Z.|",
            ],
            run.StdoutLines);
    }

    [Fact]
    public async Task HexDumpsWhatStdinSendsInLineModeWithItsLineEnding()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.ReadLineAsync();
            await peer.SendAsync("ok\n");
            await peer.ReadToEndAsync();
        });

        var run = await TcpRun.WithStdinAsync("hi\n", $"127.0.0.1:{server.Port}", "--hex", "--eol", "lf", "--half-close");

        Assert.Equal(
            (0, "> 00000000  68 69 0a                                          |hi.|\n< 00000000  6f 6b 0a                                          |ok.|\n", ""),
            run.Outcome());
    }

    [Fact]
    public async Task VerboseReportsConnectionEventsOnStderrAndLeavesStdoutToTheData()
    {
        int clientPort = 0;
        await using var server = PeerServer.Start(async peer =>
        {
            clientPort = ((System.Net.IPEndPoint)peer.Socket.RemoteEndPoint!).Port;
            await peer.SendAsync(await peer.ReadLineAsync());
            await peer.ReadToEndAsync();
        });

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--verbose", "--send", @"hi\n", "--expect", "hi", "--half-close");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal(
            (0, "hi\n", $"netscope: connected to 127.0.0.1:{server.Port} (127.0.0.1:{clientPort} -> 127.0.0.1:{server.Port})\nnetscope: finished sending (half-close)\nnetscope: peer finished sending\nnetscope: connection closed\n"),
            run.Outcome());
    }
}
