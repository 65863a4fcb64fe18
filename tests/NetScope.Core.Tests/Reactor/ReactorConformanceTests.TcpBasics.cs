using System.Net;
using NetScope.Core.Errors;
using NetScope.Core.Tests.Reactor.Support;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor;

/// <content>TCP connections: data in both directions, addresses, large and vectored writes.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void EchoRoundTripDeliversTheMessageAndBothSidesCloseCleanly()
    {
        var server = EchoServer();
        var client = new Recorder { OnMade = c => c.Transport.Write("hello, reactor"u8) };
        client.WhenReceived(14).AddCallback(_ =>
        {
            client.Transport.LoseConnection();
            return null;
        });
        RunProtocolPair(server, client);
        Assert.Equal("hello, reactor", server.ReceivedText);
        Assert.Equal("hello, reactor", client.ReceivedText);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
        Assert.Equal(["made", "lost: ConnectionDoneException"], server.Events);
        Assert.Equal(TransportState.Closed, client.Transport.Stats.State);
        Assert.Equal(TransportState.Closed, server.Transport.Stats.State);
        Assert.Equal(14, client.Transport.Stats.BytesSent);
        Assert.Equal(14, client.Transport.Stats.BytesReceived);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void BothSidesSeeTheRightAddresses(string host)
    {
        var server = new Recorder();
        var client = new Recorder();
        var reactor = CreateReactor();
        server.Reactor = reactor;
        client.Reactor = reactor;
        EndPoint? portHost = null;
        EndPoint? connectorDestination = null;
        var addresses = new Dictionary<string, EndPoint>();
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(server), bindAddress: host);
            portHost = port.GetHost();
            var connector = r.ConnectTcp(host, Loopback.PortOf(port), new RecordingClientFactory(() => client), 5);
            connectorDestination = connector.GetDestination();
            WhenAllMade(
                () =>
                {
                    addresses["server host"] = server.Transport.GetHost();
                    addresses["server peer"] = server.Transport.GetPeer();
                    addresses["client host"] = client.Transport.GetHost();
                    addresses["client peer"] = client.Transport.GetPeer();
                    client.Transport.LoseConnection();
                    server.Lost.AddCallback(_ =>
                    {
                        r.Stop();
                        return null;
                    });
                },
                server,
                client);
        });

        var address = IPAddress.Parse(host);
        var listening = Assert.IsType<IPEndPoint>(portHost);
        Assert.Equal(address, listening.Address);
        Assert.NotEqual(0, listening.Port);
        Assert.Equal(new IPEndPoint(address, listening.Port), connectorDestination);
        Assert.Equal(listening, addresses["server host"]);
        Assert.Equal(listening, addresses["client peer"]);
        var clientHost = Assert.IsType<IPEndPoint>(addresses["client host"]);
        Assert.Equal(address, clientHost.Address);
        Assert.NotEqual(listening.Port, clientHost.Port);
        Assert.Equal(clientHost, addresses["server peer"]);
    }

    [Fact]
    public void LargeWriteIsBufferedAndDeliveredIntact()
    {
        const int Size = 8 * 1024 * 1024;
        var payload = Bytes.Pattern(0, Size);
        long bufferedAfterWrite = 0;
        var server = new Recorder
        {
            OnMade = s =>
            {
                s.Transport.Write(payload);
                bufferedAfterWrite = s.Transport.Stats.WriteBufferSize;
                s.Transport.LoseConnection();
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Bytes.AssertEqual(payload, client.Received);
        Assert.True(bufferedAfterWrite > 0, "8 MB in one write should not all fit in the kernel at once");
        Assert.Equal(Size, server.Transport.Stats.BytesSent);
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public void LargeWriteSequenceIsDeliveredIntact(int segments)
    {
        const int SegmentSize = 100_000;
        var payload = Bytes.Pattern(0, segments * SegmentSize);
        var server = new Recorder
        {
            OnMade = s =>
            {
                // Twice, so the second sequence lands on a buffer that is not empty.
                var parts = Enumerable.Range(0, segments).Select(i => new ReadOnlyMemory<byte>(payload, i * SegmentSize, SegmentSize)).ToArray();
                s.Transport.WriteSequence(parts[..(segments / 2)]);
                s.Transport.WriteSequence(parts[(segments / 2)..]);
                s.Transport.LoseConnection();
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Bytes.AssertEqual(payload, client.Received);
    }

    [Fact]
    public void ManySmallWritesMixingDirectAndBufferedArriveInOrder()
    {
        const int Writes = 20_000;
        const int Size = 517;
        var server = new Recorder
        {
            OnMade = s =>
            {
                for (var i = 0; i < Writes; i++)
                {
                    s.Transport.Write(Bytes.Pattern((long)i * Size, Size));
                }

                s.Transport.LoseConnection();
            },
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Bytes.AssertEqual(Bytes.Pattern(0, Writes * Size), client.Received);
    }

    [Fact]
    public void WritesAfterConnectionLostAreIgnored()
    {
        Exception? writeError = null;
        var server = new Recorder
        {
            OnMade = s => s.Transport.LoseConnection(),
            OnLost = (s, _) => writeError = Record.Exception(() =>
            {
                s.Transport.Write("too late"u8);
                s.Transport.WriteSequence([new byte[] { 1, 2, 3 }]);
                s.Transport.LoseConnection();
                s.Transport.AbortConnection();
            }),
        };
        var client = new Recorder();
        RunProtocolPair(server, client);
        Assert.Null(writeError);
        Assert.Equal(0, client.ReceivedCount);
        Assert.Equal(1, server.ConnectionLostCalls);
        Assert.IsType<ConnectionDoneException>(client.LostReason!.Value);
    }
}
