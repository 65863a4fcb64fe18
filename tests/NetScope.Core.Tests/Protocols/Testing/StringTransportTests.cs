using System.Net;
using NetScope.Core.Errors;
using NetScope.Core.Transports;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Testing;

public class StringTransportTests
{
    [Fact]
    public void WritesAreRecordedInOrderAndClearForgetsThem()
    {
        var transport = new StringTransport();
        transport.Write(B("ab"));
        transport.WriteSequence([B("c"), B("de")]);
        Assert.Equal(B("abcde"), transport.Value());
        Assert.Equal(["ab", "cde"], transport.Writes.Select(w => S(w)));
        Assert.Equal(5, transport.Stats.BytesSent);
        Assert.Equal(2, transport.Stats.ChunksSent);
        transport.Clear();
        Assert.Empty(transport.Value());
    }

    [Fact]
    public void AddressesDefaultToTwistedsAndCanBeGiven()
    {
        var transport = new StringTransport();
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 12345), transport.GetHost());
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.168.1.1"), 54321), transport.GetPeer());
        var host = new IPEndPoint(IPAddress.Loopback, 7);
        var peer = new IPEndPoint(IPAddress.IPv6Loopback, 40000);
        var given = new StringTransport(host, peer);
        Assert.Equal(host, given.GetHost());
        Assert.Equal(peer, given.GetPeer());
        Assert.Equal(peer, given.Stats.Remote);
    }

    [Fact]
    public void LoseConnectionOnlySetsTheFlagAndMovesStatsToClosing()
    {
        var transport = new StringTransport();
        transport.LoseConnection();
        Assert.True(transport.Disconnecting);
        Assert.False(transport.Aborted);
        Assert.Equal(TransportState.Closing, transport.Stats.State);
    }

    [Fact]
    public void AbortConnectionSetsBothFlags()
    {
        var transport = new StringTransport();
        transport.AbortConnection();
        Assert.True(transport.Disconnecting);
        Assert.True(transport.Aborted);
        Assert.Equal(TransportState.Closed, transport.Stats.State);
    }

    [Fact]
    public void OneProducerAtATimeIsRecordedWithItsKind()
    {
        var transport = new StringTransport();
        var producer = new CountingPullProducer();
        transport.RegisterProducer(producer, streaming: false);
        Assert.Same(producer, transport.Producer);
        Assert.False(transport.Streaming);
        Assert.Equal(ProducerState.Streaming, transport.Stats.Producer);
        Assert.Throws<InvalidOperationException>(() => transport.RegisterProducer(new CountingPullProducer(), true));
        transport.UnregisterProducer();
        Assert.Null(transport.Producer);
        Assert.Null(transport.Streaming);
        Assert.Throws<InvalidOperationException>(transport.UnregisterProducer);
    }

    [Fact]
    public void PauseResumeAndStopAreRecordedAndCheckedLikeTwisted()
    {
        var transport = new StringTransport();
        transport.PauseProducing();
        Assert.Equal(TransportProducerState.Paused, transport.ProducerState);
        Assert.True(transport.Stats.ReadingPaused);
        transport.ResumeProducing();
        transport.StopProducing();
        Assert.Equal([ProducerCall.Pause, ProducerCall.Resume, ProducerCall.Stop], transport.ProducerCalls);
        Assert.Throws<InvalidOperationException>(transport.ResumeProducing);

        var closing = new StringTransport();
        closing.LoseConnection();
        Assert.Throws<InvalidOperationException>(closing.PauseProducing);
        var lenient = new StringTransport(lenient: true);
        lenient.LoseConnection();
        lenient.PauseProducing();
        Assert.Equal(TransportProducerState.Paused, lenient.ProducerState);
    }

    [Fact]
    public void WithDisconnectionLoseConnectionTellsTheProtocolOnce()
    {
        var transport = new StringTransportWithDisconnection();
        var protocol = new AccumulatingProtocol();
        transport.Connect(protocol);
        Assert.True(protocol.Made);
        transport.LoseConnection();
        transport.LoseConnection();
        Assert.True(protocol.Closed);
        Assert.IsType<ConnectionDoneException>(protocol.ClosedReason!.Value);
        Assert.False(transport.Connected);
        Assert.Equal(TransportState.Closed, transport.Stats.State);
    }

    [Fact]
    public void WithDisconnectionAbortTellsTheProtocolItWasAborted()
    {
        var transport = new StringTransportWithDisconnection();
        var protocol = new AccumulatingProtocol();
        transport.Connect(protocol);
        transport.AbortConnection();
        Assert.IsType<ConnectionAbortedException>(protocol.ClosedReason!.Value);
        Assert.True(transport.Aborted);
    }

    [Fact]
    public void WithDisconnectionNeedsAProtocol()
    {
        var transport = new StringTransportWithDisconnection();
        Assert.Throws<InvalidOperationException>(transport.LoseConnection);
    }

    private sealed class CountingPullProducer : IPullProducer
    {
        public int Resumes { get; private set; }

        public void ResumeProducing() => Resumes++;

        public void StopProducing()
        {
        }
    }
}
