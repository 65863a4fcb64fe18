using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Interop;

/// <summary>The netscope binary's <c>tcp</c> against socat servers.</summary>
[Trait("Category", TestCategories.Interop)]
public sealed class TcpAgainstSocatTests
{
    [Fact]
    public async Task AScriptAgainstSocatsEchoEndsCleanlyAfterTheHalfClose()
    {
        var (server, port) = await Peers.SocatServerAsync("PIPE");
        await using var _ = server;

        await using var tcp = ChildProcess.NetScope("tcp", $"127.0.0.1:{port}", "--send", @"ping\n", "--expect", "ping", "--send", @"pong\r\n", "--expect", "pong", "--half-close");
        var exit = await tcp.ExitAsync();

        Assert.Equal((0, "ping\npong\n", ""), (exit, tcp.Stdout.Text, tcp.Stderr.Text));
        Assert.Equal(0, await server.ExitAsync());
    }

    [Fact]
    public async Task RawOutputIsTheFileSocatSendsByteForByte()
    {
        var payload = Peers.Payload(100_000, seed: 7);
        var path = Path.Combine(Path.GetTempPath(), $"netscope-interop-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, payload);
        try
        {
            // -U: only from the file to the connection; socat closes when the file is sent.
            var (server, port) = await Peers.SocatServerAsync($"OPEN:{path},rdonly", "-U");
            await using var _ = server;

            await using var tcp = ChildProcess.NetScope("tcp", $"127.0.0.1:{port}", "--raw", "--linger", "5");
            tcp.CloseStdin();
            var exit = await tcp.ExitAsync();

            Assert.Equal((0, ""), (exit, tcp.Stderr.Text));
            Assert.Equal(payload, tcp.Stdout.Bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SocatReceivesStdinLinesWithTheChosenEol()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-interop-{Guid.NewGuid():N}.txt");
        try
        {
            // -u: only from the connection to the file; socat exits at the client's FIN.
            var (server, port) = await Peers.SocatServerAsync($"CREATE:{path}", "-u");
            await using var _ = server;

            await using var tcp = ChildProcess.NetScope("tcp", $"127.0.0.1:{port}", "--eol", "lf", "--linger", "0");
            await tcp.WriteStdinAsync("HELO example.org\r\nQUIT\n"u8.ToArray());
            tcp.CloseStdin();

            Assert.Equal((0, "", ""), (await tcp.ExitAsync(), tcp.Stdout.Text, tcp.Stderr.Text));
            Assert.Equal(0, await server.ExitAsync());
            Assert.Equal("HELO example.org\nQUIT\n", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
