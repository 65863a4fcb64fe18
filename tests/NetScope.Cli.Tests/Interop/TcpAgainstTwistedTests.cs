using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Interop;

/// <summary>The netscope binary's <c>tcp</c> against Twisted's own echo server.</summary>
[Trait("Category", TestCategories.Interop)]
public sealed class TcpAgainstTwistedTests
{
    [Fact]
    public async Task AScriptedSessionGetsEachAnswerAndEndsWhenTwistedCloses()
    {
        var (server, port) = await Peers.TwistedEchoServerAsync();
        await using var _ = server;
        var path = Path.Combine(Path.GetTempPath(), $"netscope-interop-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "from a file\r\nlast line\n");
        try
        {
            await using var tcp = ChildProcess.NetScope(
                "tcp", $"127.0.0.1:{port}",
                "--send", @"hello\r\n", "--expect", "hello",
                "--send-file", path, "--expect", "last line",
                "--send", @"bye\n",
                "--half-close");
            var exit = await tcp.ExitAsync();

            Assert.Equal((0, "hello\nfrom a file\nlast line\nbye\n", ""), (exit, tcp.Stdout.Text, tcp.Stderr.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StdinLinesGoOutWithCrlfAndComeBackAsLines()
    {
        var (server, port) = await Peers.TwistedEchoServerAsync();
        await using var _ = server;

        await using var tcp = ChildProcess.NetScope("tcp", $"127.0.0.1:{port}", "--half-close", "--hex");
        await tcp.WriteStdinAsync("one\ntwo\n"u8.ToArray());
        tcp.CloseStdin();
        var exit = await tcp.ExitAsync();

        Assert.Equal(0, exit);
        Assert.Equal("", tcp.Stderr.Text);
        // Stdin lines may go out and come back in one chunk or two: the bytes are what is certain.
        var dumped = tcp.Stdout.Lines.Select(line => (Direction: line[0], Bytes: HexBytes(line))).ToList();
        Assert.Equal("one\r\ntwo\r\n", Encoding.ASCII.GetString([.. dumped.Where(d => d.Direction == '>').SelectMany(d => d.Bytes)]));
        Assert.Equal("one\r\ntwo\r\n", Encoding.ASCII.GetString([.. dumped.Where(d => d.Direction == '<').SelectMany(d => d.Bytes)]));
    }

    [Fact]
    public async Task RawBinaryComesBackByteForByteOnStdout()
    {
        var (server, port) = await Peers.TwistedEchoServerAsync();
        await using var _ = server;
        var payload = Peers.Payload(256 * 1024, seed: 864);
        var path = Path.Combine(Path.GetTempPath(), $"netscope-interop-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, payload);
        try
        {
            await using var tcp = ChildProcess.NetScope("tcp", $"127.0.0.1:{port}", "--raw", "--send-file", path, "--half-close");
            var exit = await tcp.ExitAsync();

            Assert.Equal((0, ""), (exit, tcp.Stderr.Text));
            Assert.Equal(payload, tcp.Stdout.Bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // "> 00000000  6f 6e 65 0d 0a ...  |one..|" -> the bytes in the hex column.
    private static byte[] HexBytes(string line) =>
        [.. line[12..61].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(hex => Convert.ToByte(hex, 16))];
}
