using System.IO.Pipes;
using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// <c>netscope tcp</c> in line mode (the default): stdin lines go out with the chosen line
/// ending, received lines are printed without theirs.
/// </summary>
public sealed class TcpLineModeTests
{
    [Theory]
    [InlineData("crlf", "first\r\nsecond\r\n")]
    [InlineData("lf", "first\nsecond\n")]
    [InlineData("cr", "first\rsecond\r")]
    [InlineData("none", "firstsecond")]
    [InlineData("CRLF", "first\r\nsecond\r\n")]
    public async Task EachStdinLineIsSentWithTheChosenEol(string eol, string expected)
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());

        var run = await TcpRun.WithStdinAsync("first\nsecond\n", $"127.0.0.1:{server.Port}", "--eol", eol, "--linger", "0");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "", ""), run.Outcome());
        Assert.Equal(expected, Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task WithoutEolStdinLinesEndInCrlfAndTheirOwnEndingIsReplaced()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());

        var run = await TcpRun.WithStdinAsync("HELO example.org\r\nQUIT\n", $"127.0.0.1:{server.Port}", "--linger", "0");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "", ""), run.Outcome());
        Assert.Equal("HELO example.org\r\nQUIT\r\n", Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task ReceivedLinesArePrintedWithoutTheirEndingsAndAFinalPartialLineEndsTheOutput()
    {
        await using var server = PeerServer.Start(peer => peer.SendAsync("one\r\ntwo\n\nthree"));

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--linger", "5");

        Assert.Equal((0, "one\ntwo\n\nthree\n", ""), run.Outcome());
    }

    [Fact]
    public async Task AnUnknownEolIsAUsageError()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--eol", "crcr");

        Assert.Equal(
            (2, "", "netscope: --eol 'crcr': expected crlf, lf, cr or none\nTry 'netscope tcp --help' for more information.\n"),
            run.Outcome());
    }

    [Fact]
    public async Task StdinDrivesAnInteractiveSessionLineByLine()
    {
        using var stdinWriter = new AnonymousPipeServerStream(PipeDirection.Out);
        using var stdin = new AnonymousPipeClientStream(PipeDirection.In, stdinWriter.ClientSafePipeHandle);
        var received = new List<string>();
        await using var server = PeerServer.Start(async peer =>
        {
            // An upper-casing line server: one reply per request, then it waits for the client to finish.
            for (var i = 0; i < 2; i++)
            {
                var line = await peer.ReadLineAsync();
                received.Add(line);
                await peer.SendAsync(line.ToUpperInvariant());
            }

            received.Add(await peer.ReadTextToEndAsync());
        });

        await using var cli = TcpRun.Start(() => stdin, $"127.0.0.1:{server.Port}", "--linger", "0");
        await stdinWriter.WriteAsync("hello\n"u8.ToArray());
        await cli.Stdout.LineAsync(line => line == "HELLO", "the reply to the first line");
        await stdinWriter.WriteAsync("bye\n"u8.ToArray());
        await cli.Stdout.LineAsync(line => line == "BYE", "the reply to the second line");
        stdinWriter.Close();
        var run = await cli.FinishedAsync();
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "HELLO\nBYE\n", ""), run.Outcome());
        Assert.Equal(["hello\r\n", "bye\r\n", ""], received);
    }
}
