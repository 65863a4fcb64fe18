using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Testing;

public class ConnectedPairTests
{
    [Fact]
    public void BytesMoveOnlyWhenPumpedAndInOrder()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        Assert.True(server.Made);
        Assert.True(client.Made);

        client.Transport.Write(B("hello "));
        client.Transport.Write(B("world"));
        server.Transport.Write(B("hi"));
        Assert.Empty(server.Data);
        Assert.Equal(11, pair.ClientTransport.BufferedBytes);

        Assert.True(pair.Pump());
        Assert.Equal("hello world", server.DataString);
        Assert.Equal("hi", client.DataString);
        Assert.Equal(0, pair.ClientTransport.BufferedBytes);
        Assert.Equal(11, pair.ClientTransport.Stats.BytesSent);
        Assert.Equal(11, pair.ServerTransport.Stats.BytesReceived);
        Assert.False(pair.Pump());
    }

    [Fact]
    public void ChunkSizeSplitsDeliveries()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        pair.ChunkSize = 3;
        client.Transport.Write(B("abcdefgh"));
        pair.Flush();
        Assert.Equal("abcdefgh", server.DataString);
        Assert.Equal(3, server.Chunks);
    }

    [Fact]
    public void LoseConnectionClosesBothSidesOnceTheBufferIsDelivered()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        server.Transport.Write(B("bye"));
        server.Transport.LoseConnection();
        Assert.False(client.Closed);
        pair.Flush();
        Assert.Equal("bye", client.DataString);
        Assert.IsType<ConnectionDoneException>(client.ClosedReason!.Value);
        Assert.IsType<ConnectionDoneException>(server.ClosedReason!.Value);
        Assert.True(pair.Closed);
        Assert.Equal(TransportState.Closed, pair.ServerTransport.Stats.State);
    }

    [Fact]
    public void AbortDiscardsTheBufferAndThePeerSeesAReset()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        server.Transport.Write(B("never"));
        server.Transport.AbortConnection();
        pair.Flush();
        Assert.Empty(client.Data);
        Assert.IsType<ConnectionAbortedException>(server.ClosedReason!.Value);
        Assert.IsType<ConnectionResetException>(client.ClosedReason!.Value);
        Assert.Equal(TransportState.Failed, pair.ClientTransport.Stats.State);
    }

    [Fact]
    public void PausedReadingHoldsBytesUntilResumed()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        server.Transport.PauseProducing();
        client.Transport.Write(B("held"));
        pair.Flush();
        Assert.Empty(server.Data);
        Assert.Equal(4, pair.ClientTransport.BufferedBytes);
        server.Transport.ResumeProducing();
        pair.Flush();
        Assert.Equal("held", server.DataString);
    }

    [Fact]
    public void AStreamingProducerIsPausedAboveTheHighWaterMarkAndResumedWhenDrained()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        pair.ClientTransport.HighWaterMark = 10;
        var producer = new RecordingPushProducer();
        client.Transport.RegisterProducer(producer, streaming: true);
        client.Transport.Write(B("0123456789"));
        Assert.Empty(producer.Calls);
        client.Transport.Write(B("x"));
        Assert.Equal(["pause"], producer.Calls);
        Assert.Equal(ProducerState.Paused, pair.ClientTransport.Stats.Producer);
        pair.Pump();
        Assert.Equal(["pause", "resume"], producer.Calls);
        Assert.Equal("0123456789x", server.DataString);
    }

    [Fact]
    public void APushProducerThatWritesWhenResumedStillLetsEachPumpEnd()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        pair.ClientTransport.HighWaterMark = 4;
        var producer = new EagerPushProducer(client.Transport);
        client.Transport.RegisterProducer(producer, streaming: true);
        producer.ResumeProducing();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(pair.Pump());
        }

        Assert.Equal("123451234512345", server.DataString);
        Assert.Equal(5, pair.ClientTransport.BufferedBytes);
    }

    [Fact]
    public void APullProducerIsAskedForAChunkWhenTheBufferIsEmpty()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        var producer = new CountdownPullProducer(client.Transport, chunks: 3);
        client.Transport.RegisterProducer(producer, streaming: false);
        Assert.Equal(1, producer.Produced);
        pair.Flush();
        Assert.Equal("chunk1chunk2chunk3", server.DataString);
        Assert.True(client.Closed);
    }

    [Fact]
    public void HalfCloseReachesAHalfCloseablePeerAndBothDirectionsThenClose()
    {
        var server = new HalfCloser();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        ((ITcpTransport)client.Transport).LoseWriteConnection();
        pair.Flush();
        Assert.Equal(["read closed"], server.Events);
        Assert.False(client.Closed);

        server.Transport.Write(B("reply"));
        ((ITcpTransport)server.Transport).LoseWriteConnection();
        pair.Flush();
        Assert.Equal("reply", client.DataString);
        Assert.Equal(["read closed", "write closed", "lost ConnectionDoneException"], server.Events);
        Assert.True(client.Closed);
    }

    [Fact]
    public void HalfCloseToAPeerThatCannotHalfCloseEndsTheConnection()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        ((ITcpTransport)client.Transport).LoseWriteConnection();
        pair.Flush();
        Assert.True(server.Closed);
        Assert.True(client.Closed);
    }

    [Fact]
    public void FlushGivesUpOnAProducerThatNeverEnds()
    {
        var server = new AccumulatingProtocol();
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(server, client);
        client.Transport.RegisterProducer(new CountdownPullProducer(client.Transport, chunks: int.MaxValue), streaming: false);
        Assert.Throws<InvalidOperationException>(() => pair.Flush(maxRounds: 50));
    }

    [Fact]
    public void ConnectingThroughAFactoryBuildsTheServerForTheClientsAddress()
    {
        System.Net.EndPoint? seen = null;
        var factory = new LambdaFactory(address =>
        {
            seen = address;
            return new AccumulatingProtocol();
        });
        var address = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 31337);
        var pair = ConnectedPair.Connect(factory, new AccumulatingProtocol(), clientAddress: address);
        Assert.Equal(address, seen);
        Assert.Equal(address, pair.ServerTransport.GetPeer());
    }

    private sealed class LambdaFactory(Func<System.Net.EndPoint, IProtocol?> build) : Factory
    {
        public override IProtocol? BuildProtocol(System.Net.EndPoint address) => build(address);
    }

    private sealed class RecordingPushProducer : IPushProducer
    {
        public List<string> Calls { get; } = [];

        public void PauseProducing() => Calls.Add("pause");

        public void ResumeProducing() => Calls.Add("resume");

        public void StopProducing() => Calls.Add("stop");
    }

    /// <summary>Writes a chunk every time it is resumed (and relies on being paused).</summary>
    private sealed class EagerPushProducer(ITransport transport) : IPushProducer
    {
        public void PauseProducing()
        {
        }

        public void ResumeProducing() => transport.Write(B("12345"));

        public void StopProducing()
        {
        }
    }

    private sealed class CountdownPullProducer(ITransport transport, int chunks) : IPullProducer
    {
        public int Produced { get; private set; }

        public void ResumeProducing()
        {
            Produced++;
            transport.Write(B($"chunk{Produced}"));
            if (Produced == chunks)
            {
                transport.UnregisterProducer();
                transport.LoseConnection();
            }
        }

        public void StopProducing()
        {
        }
    }

    private sealed class HalfCloser : Protocol, IHalfCloseableProtocol
    {
        public List<string> Events { get; } = [];

        public void ReadConnectionLost() => Events.Add("read closed");

        public void WriteConnectionLost() => Events.Add("write closed");

        public override void ConnectionLost(Failure reason) => Events.Add("lost " + reason.Type.Name);
    }
}
