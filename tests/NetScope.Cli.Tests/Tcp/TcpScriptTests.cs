using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>Scripted <c>netscope tcp</c> sessions: <c>--send</c>, <c>--send-file</c> and <c>--expect</c>, in command-line order.</summary>
public sealed class TcpScriptTests
{
    [Fact]
    public async Task SendDecodesEveryEscapeIntoTheExactBytes()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());

        var run = await TcpRun.RunAsync(
            $"127.0.0.1:{server.Port}",
            "--send", @"A\tB\x00\x7f\\\r\n",
            "--send", @"\0\a\b\f\v\e",
            "--send", @"\xffé\u{263A}",
            "--half-close");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "", ""), run.Outcome());
        Assert.Equal(
            [
                0x41, 0x09, 0x42, 0x00, 0x7f, 0x5c, 0x0d, 0x0a,
                0x00, 0x07, 0x08, 0x0c, 0x0b, 0x1b,
                0xff, 0xc3, 0xa9, 0xe2, 0x98, 0xba,
            ],
            received);
    }

    [Fact]
    public async Task SendFileSendsTheFileByteForByte()
    {
        var contents = Enumerable.Range(0, 1024).Select(i => (byte)(i * 7)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"netscope-send-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, contents);
        try
        {
            byte[] received = [];
            await using var server = PeerServer.Start(async peer => received = await peer.ReadToEndAsync());

            var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", "<", "--send-file", path, "--send", ">", "--half-close");
            await server.Served.WaitAsync(LiveOutput.Bound);

            Assert.Equal((0, "", ""), run.Outcome());
            Assert.Equal([(byte)'<', .. contents, (byte)'>'], received);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SendsSendFilesAndExpectsRunInTheOrderWritten()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-send-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "two\n");
        try
        {
            var log = new List<string>();
            await using var server = PeerServer.Start(async peer =>
            {
                await peer.SendAsync("hello\r\n");
                for (var i = 0; i < 3; i++)
                {
                    var line = await peer.ReadLineAsync();
                    // A client that waits for each answer has nothing else in flight here.
                    log.Add($"{line.TrimEnd()} (then {peer.Socket.Available} bytes waiting)");
                    await peer.SendAsync(line.ToUpperInvariant());
                }

                log.Add($"end: \"{await peer.ReadTextToEndAsync()}\"");
            });

            var run = await TcpRun.RunAsync(
                $"127.0.0.1:{server.Port}",
                "--expect", "^hello",
                "--send", @"one\n",
                "--expect", "ONE",
                "--send-file", path,
                "--expect", "TWO",
                "--send", @"three\n",
                "--half-close");
            await server.Served.WaitAsync(LiveOutput.Bound);

            Assert.Equal((0, "hello\nONE\nTWO\nTHREE\n", ""), run.Outcome());
            Assert.Equal(["one (then 0 bytes waiting)", "two (then 0 bytes waiting)", "three (then 0 bytes waiting)", "end: \"\""], log);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnExpectationNotMetInTimeExitsSixWithOneLineAndSkipsTheStepsAfterIt()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("banner\r\n");
            received = await peer.ReadToEndAsync();
        });

        // Matching "ban" first consumes the banner's line, which makes what is left unmatched (nothing) certain
        // when the timeout strikes, whether the rest of the line came with it or later. The timeout
        // also bounds that first expectation, so it is long enough for a loaded machine to deliver the banner.
        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--expect", "ban", "--send", @"a\n", "--expect", "ready", "--send", @"b\n", "--timeout", "3");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal(
            (6, "banner\n", "netscope: expect /ready/: no match within 3s (unmatched input: \"\")\n"),
            run.Outcome());
        Assert.Equal("a\n", Encoding.ASCII.GetString(received));
    }

    [Fact]
    public async Task AnExpectationStillPendingWhenThePeerFinishesExitsSix()
    {
        await using var server = PeerServer.Start(peer => peer.SendAsync("bye\r\n"));

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--expect", "ready");

        Assert.Equal(
            (6, "bye\n", "netscope: expect /ready/: the peer finished sending before a match (unmatched input: \"bye\\r\\n\")\n"),
            run.Outcome());
    }

    [Fact]
    public async Task ExpectMatchesBytesAsLatin1AndWaitsAcrossReads()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync([0x01, 0xfe]);
            var go = await peer.ReadLineAsync();
            await peer.SendAsync([(byte)'o', (byte)'k', 0x00, .. Encoding.ASCII.GetBytes(go)]);
        });

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--raw", "--expect", @"\x01\xfe", "--send", @"go\n", "--expect", @"ok\x00go", "--linger", "0");

        // Raw bytes reach a captured writer decoded as UTF-8: 0xfe alone becomes U+FFFD there.
        Assert.Equal((0, "\u0001\ufffdok\0go\n", ""), run.Outcome());
    }
}
