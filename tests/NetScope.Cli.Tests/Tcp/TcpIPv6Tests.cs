using System.Net;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

public sealed class TcpIPv6Tests
{
    [Fact]
    public async Task ABracketedIPv6TargetConnectsOverIPv6()
    {
        string? peerAddress = null;
        await using var server = PeerServer.Start(
            async peer =>
            {
                peerAddress = ((IPEndPoint)peer.Socket.RemoteEndPoint!).Address.ToString();
                await peer.SendAsync(await peer.ReadLineAsync());
                await peer.ReadToEndAsync();
            },
            IPAddress.IPv6Loopback);

        var run = await TcpRun.RunAsync($"[::1]:{server.Port}", "--send", @"six\n", "--expect", "six", "--linger", "0");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((0, "six\n", ""), run.Outcome());
        Assert.Equal("::1", peerAddress);
    }
}
