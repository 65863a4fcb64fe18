using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// Line mode frames bytes, it does not decode them: a stdin line that is not valid UTF-8 goes out as it
/// is (with the line ending), and a received one is written to stdout unchanged.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TcpLineBytesTests
{
    [Fact]
    public async Task InvalidUtf8InALineIsSentAndPrintedByteForByte()
    {
        byte[] received = [];
        await using var server = PeerServer.Start(async peer =>
        {
            // "a\xff\xfeb" CRLF "c" CRLF: 9 bytes, echoed.
            received = await peer.ReadExactlyAsync(9);
            await peer.SendAsync(received);
            await peer.ReadToEndAsync();
        });
        await using var netscope = ChildProcess.NetScope("tcp", $"127.0.0.1:{server.Port}", "--half-close");

        await netscope.WriteStdinAsync([(byte)'a', 0xff, 0xfe, (byte)'b', (byte)'\n', (byte)'c', (byte)'\n']);
        netscope.CloseStdin();
        var exit = await netscope.ExitAsync();

        Assert.Equal(
            (0, "61FFFE620D0A630D0A", "61FFFE620A630A", ""),
            (exit, Convert.ToHexString(received), Convert.ToHexString(netscope.Stdout.Bytes), netscope.Stderr.Text));
    }
}
