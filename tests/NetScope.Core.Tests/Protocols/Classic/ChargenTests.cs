using NetScope.Core.Protocols.Classic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Classic;

public class ChargenTests
{
    /// <summary>The 95 printable ASCII characters in the order of RFC 864's example: '!' first, the space last.</summary>
    private const string Ring = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ";

    [Fact]
    public void TheFirstLinesAreTheRfcsExample()
    {
        var transport = new StringTransport();
        var chargen = new ChargenProtocol(linesPerChunk: 3);
        chargen.MakeConnection(transport);
        chargen.ResumeProducing();
        Assert.Equal(
            "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefgh\r\n" +
            "\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghi\r\n" +
            "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghij\r\n",
            S(transport.Value()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(95)]
    [InlineData(100)]
    [InlineData(760)]
    public void EveryLineFollowsTheRotatingPatternAcrossChunksAndTheWrapOfTheRing(int linesPerChunk)
    {
        var transport = new StringTransport();
        var chargen = new ChargenProtocol(linesPerChunk);
        chargen.MakeConnection(transport);
        var chunks = (400 / linesPerChunk) + 1;
        for (var i = 0; i < chunks; i++)
        {
            chargen.ResumeProducing();
        }

        var expected = string.Concat(Enumerable.Range(0, chunks * linesPerChunk).Select(ExpectedLine));
        Assert.Equal(expected, S(transport.Value()));
        Assert.Equal(chunks * linesPerChunk, chargen.LinesSent);
    }

    [Fact]
    public void ItRegistersAsAPullProducerAndWritesOnlyWhenAsked()
    {
        var transport = new StringTransport();
        var chargen = new ChargenProtocol(linesPerChunk: 2);
        chargen.MakeConnection(transport);
        Assert.Same(chargen, transport.Producer);
        Assert.False(transport.Streaming);
        Assert.Empty(transport.Value());
        chargen.ResumeProducing();
        Assert.Equal(2 * 74, transport.Value().Length);
    }

    [Fact]
    public void AStoppedProducerWritesNothingMore()
    {
        var transport = new StringTransport();
        var chargen = new ChargenProtocol(linesPerChunk: 2);
        chargen.MakeConnection(transport);
        chargen.ResumeProducing();
        chargen.StopProducing();
        chargen.ResumeProducing();
        Assert.Equal(2 * 74, transport.Value().Length);
        Assert.True(chargen.Stopped);
    }

    [Fact]
    public void ASlowReaderNeverGetsMoreThanOneChunkBuffered()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new ChargenFactory(linesPerChunk: 10), client, greet: false);
        client.Transport.PauseProducing();
        for (var i = 0; i < 50; i++)
        {
            pair.Pump();
        }

        Assert.Equal(10 * 74, pair.ServerTransport.BufferedBytes);
        Assert.Empty(client.Data);

        client.Transport.ResumeProducing();
        for (var i = 0; i < 5; i++)
        {
            pair.Pump();
        }

        var received = S(client.Data);
        Assert.Equal(string.Concat(Enumerable.Range(0, received.Length / 74).Select(ExpectedLine)), received);
        Assert.True(received.Length >= 5 * 10 * 74);
    }

    [Fact]
    public void WhenTheClientLeavesTheProducerIsStopped()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new ChargenFactory(linesPerChunk: 1), client, greet: false);
        pair.Pump();
        client.Transport.Write(B("ignored"));
        client.Transport.AbortConnection();
        pair.Pump();
        var chargen = (ChargenProtocol)pair.Server;
        Assert.True(chargen.Stopped);
        Assert.True(pair.Closed);
        Assert.False(pair.Pump());
    }

    private static string ExpectedLine(int n)
    {
        var chars = new char[72];
        for (var column = 0; column < 72; column++)
        {
            chars[column] = Ring[(n + column) % 95];
        }

        return new string(chars) + "\r\n";
    }
}
