using System.Globalization;
using System.Runtime.InteropServices;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Interop;

/// <summary>The netscope binary's <c>listen echo</c> and <c>listen chargen</c> driven by socat and by a Twisted client.</summary>
[Trait("Category", TestCategories.Interop)]
public sealed class ListenDrivenByPeersTests
{
    private const int ChargenBytes = 300 * Rfc864.LineBytes + 17;

    [Fact]
    public async Task SocatGetsBackEveryByteItSendsToEcho()
    {
        var (listener, port) = await Peers.NetScopeListenAsync("echo");
        await using var _ = listener;
        var payload = Peers.Payload(512 * 1024, seed: 862);

        // socat half-closes at the end of its stdin and waits (-t) for the echo to finish.
        await using var socat = ChildProcess.Start("socat", "-t", "10", "STDIO", $"TCP:127.0.0.1:{port}");
        await socat.WriteStdinAsync(payload);
        socat.CloseStdin();
        var exit = await socat.ExitAsync();

        Assert.Equal((0, ""), (exit, socat.Stderr.Text));
        Assert.Equal(payload, socat.Stdout.Bytes);
        var close = await listener.Stdout.LineAsync(line => line.StartsWith("#1 close ", StringComparison.Ordinal), "the close line");
        Assert.Matches($@"^#1 close 127\.0\.0\.1:\d+ in={payload.Length} out={payload.Length} \d+\.\d{{3}}s: connection closed by peer$", close);
        await StopsCleanlyAsync(listener);
    }

    [Fact]
    public async Task SocatReadsTheRfc864PatternFromChargen()
    {
        var (listener, port) = await Peers.NetScopeListenAsync("chargen");
        await using var _ = listener;

        // readbytes: socat takes exactly that many bytes, then ends as at end-of-file.
        await using var socat = ChildProcess.Start("socat", "-u", $"TCP:127.0.0.1:{port},readbytes={ChargenBytes}", "STDOUT");
        var exit = await socat.ExitAsync();

        Assert.Equal((0, ""), (exit, socat.Stderr.Text));
        Assert.Equal(Rfc864.Stream(ChargenBytes), socat.Stdout.Bytes);
        Assert.Matches(@"^#1 close 127\.0\.0\.1:\d+ in=0 out=\d+ ", await listener.Stdout.LineAsync(line => line.StartsWith("#1 close ", StringComparison.Ordinal), "the close line"));
        await StopsCleanlyAsync(listener);
    }

    [Fact]
    public async Task ATwistedClientGetsBackEveryByteItSendsToEcho()
    {
        var (listener, port) = await Peers.NetScopeListenAsync("echo");
        await using var _ = listener;
        var payload = Peers.Payload(1024 * 1024, seed: 7);

        await using var client = ChildProcess.Start(ChildProcess.Python, Peers.Script("twisted_client.py"), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "send");
        await client.WriteStdinAsync(payload);
        client.CloseStdin();
        var exit = await client.ExitAsync();

        Assert.Equal((0, ""), (exit, client.Stderr.Text));
        Assert.Equal(payload, client.Stdout.Bytes);
        var close = await listener.Stdout.LineAsync(line => line.StartsWith("#1 close ", StringComparison.Ordinal), "the close line");
        Assert.Matches($@"^#1 close 127\.0\.0\.1:\d+ in={payload.Length} out={payload.Length} ", close);
        await StopsCleanlyAsync(listener);
    }

    [Fact]
    public async Task ATwistedClientReadsTheRfc864PatternFromChargen()
    {
        var (listener, port) = await Peers.NetScopeListenAsync("chargen");
        await using var _ = listener;

        await using var client = ChildProcess.Start(
            ChildProcess.Python, Peers.Script("twisted_client.py"), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "read", ChargenBytes.ToString(CultureInfo.InvariantCulture));
        client.CloseStdin();
        var exit = await client.ExitAsync();

        Assert.Equal((0, ""), (exit, client.Stderr.Text));
        Assert.Equal(Rfc864.Stream(ChargenBytes), client.Stdout.Bytes);
        await StopsCleanlyAsync(listener);
    }

    [Fact]
    public async Task ATwistedClientReadsALineEchoBackAsSent()
    {
        var (listener, port) = await Peers.NetScopeListenAsync("echo", "--line");
        await using var _ = listener;

        await using var client = ChildProcess.Start(ChildProcess.Python, Peers.Script("twisted_client.py"), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), "send");
        await client.WriteStdinAsync("first\r\nsecond\nno end"u8.ToArray());
        client.CloseStdin();
        var exit = await client.ExitAsync();

        Assert.Equal((0, "first\r\nsecond\n", ""), (exit, client.Stdout.Text, client.Stderr.Text));
        await StopsCleanlyAsync(listener);
    }

    private static async Task StopsCleanlyAsync(ChildProcess listener)
    {
        listener.Signal(PosixSignal.SIGTERM);
        Assert.Equal((0, ""), (await listener.ExitAsync(), listener.Stderr.Text));
    }
}
