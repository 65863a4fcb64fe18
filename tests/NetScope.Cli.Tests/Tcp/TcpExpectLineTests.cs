using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// How <c>--expect</c> reads lines: <c>^</c> and <c>$</c> match at line starts and ends, and in line mode a
/// match consumes through the end of its line, even when the rest of that line arrives later, so the next
/// expect starts at a fresh line; with <c>--raw</c> a match consumes only up to its own end.
/// </summary>
public sealed class TcpExpectLineTests
{
    private static PeerServer GreetInTwoPieces() => PeerServer.Start(async peer =>
    {
        await peer.SendAsync("220 mail");
        await peer.ReadLineAsync();
        await peer.SendAsync(".test ESMTP\r\n250 ok\r\n");
        peer.FinishSending();
        await peer.ReadToEndAsync();
    });

    [Fact]
    public async Task AnchoredExpectsMatchAtTheStartOfEachLineEvenWhenTheFirstLineArrivesInPieces()
    {
        await using var server = GreetInTwoPieces();

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--expect", "^220", "--send", @"x\n", "--expect", "^250 ok$", "--linger", "0");

        Assert.Equal((0, "220 mail.test ESMTP\n250 ok\n", ""), run.Outcome());
    }

    [Fact]
    public async Task TheRestOfAMatchedLineIsConsumedWithItInLineMode()
    {
        await using var server = GreetInTwoPieces();

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--expect", "^220", "--send", @"x\n", "--expect", "ESMTP");

        Assert.Equal(
            (6, "220 mail.test ESMTP\n250 ok\n", "netscope: expect /ESMTP/: the peer finished sending before a match (unmatched input: \"250 ok\\r\\n\")\n"),
            run.Outcome());
    }

    [Fact]
    public async Task WithRawAMatchConsumesOnlyUpToItsEnd()
    {
        await using var server = GreetInTwoPieces();

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--raw", "--expect", "^220", "--send", @"x\n", "--expect", "ESMTP", "--linger", "0");

        Assert.Equal((0, "220 mail.test ESMTP\r\n250 ok\r\n", ""), run.Outcome());
    }

    [Fact]
    public async Task TheReadmeScriptedExampleMatchesItsEchoLine()
    {
        await using var server = PeerServer.Echo();

        // README.md: netscope tcp 127.0.0.1:7 --send 'hello\r\n' --expect '^hello$' --timing
        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", @"hello\r\n", "--expect", "^hello$", "--linger", "0");

        Assert.Equal((0, "hello\n", ""), run.Outcome());
    }
}
