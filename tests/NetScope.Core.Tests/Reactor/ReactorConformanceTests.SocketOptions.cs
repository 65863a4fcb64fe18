using System.Net;
using NetScope.Core.Tests.Reactor.Support;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor;

/// <content>What a connection asks of the kernel: a client bind address, TCP_NODELAY, SO_KEEPALIVE.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void AClientBindAddressIsWhereTheServerSeesTheConnectionComeFrom()
    {
        // 127.0.0.2 is loopback too, but never the address a connect to 127.0.0.1 picks itself.
        var source = IPAddress.Parse("127.0.0.2");
        var server = new Recorder();
        var client = new Recorder();
        var reactor = CreateReactor();
        server.Reactor = reactor;
        client.Reactor = reactor;
        EndPoint? serverPeer = null;
        EndPoint? clientHost = null;
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(server), bindAddress: "127.0.0.1");
            r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => client), 5, new IPEndPoint(source, 0));
            WhenAllMade(
                () =>
                {
                    serverPeer = server.Transport.GetPeer();
                    clientHost = client.Transport.GetHost();
                    client.Transport.LoseConnection();
                    server.Lost.AddCallback(_ =>
                    {
                        port.StopListening();
                        r.Stop();
                        return null;
                    });
                },
                server,
                client);
        });

        var peer = Assert.IsType<IPEndPoint>(serverPeer);
        Assert.Equal(source, peer.Address);
        Assert.Equal(clientHost, peer);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NoDelayAndKeepAliveAreSetOnTheSocketAndReadBack(bool enabled)
    {
        var server = new Recorder();
        var client = new Recorder();
        var observed = new List<string>();
        client.OnMade = c =>
        {
            var tcp = Assert.IsAssignableFrom<ITcpTransport>(c.Transport);
            tcp.NoDelay = !enabled;
            tcp.KeepAlive = !enabled;
            observed.Add($"before: nodelay={tcp.NoDelay} keepalive={tcp.KeepAlive}");
            tcp.NoDelay = enabled;
            tcp.KeepAlive = enabled;
            observed.Add($"after: nodelay={tcp.NoDelay} keepalive={tcp.KeepAlive}");
            c.Transport.LoseConnection();
        };
        RunProtocolPair(server, client);
        Assert.Equal([$"before: nodelay={!enabled} keepalive={!enabled}", $"after: nodelay={enabled} keepalive={enabled}"], observed);
    }
}
