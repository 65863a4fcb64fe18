using NetScope.Core.Protocols.Classic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Classic;

public class EchoDiscardTests
{
    [Fact]
    public void RawEchoSendsEveryChunkBackAsItArrives()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new EchoFactory(), client);
        pair.ChunkSize = 3;
        var payload = new byte[] { 0, 1, 2, 255, 13, 10, 13, 7, 8 };
        client.Transport.Write(payload);
        pair.Flush();
        Assert.Equal(payload, client.Data);
        Assert.Equal(3, client.Chunks);
        Assert.Equal(9, ((EchoProtocol)pair.Server).BytesEchoed);
    }

    [Fact]
    public void LineEchoHoldsAPartialLineAndSendsEachCompleteLineBackByteForByte()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new EchoFactory(FramingMode.Line), client);
        pair.ChunkSize = 1;
        client.Transport.Write(B("first\r\nsecond\npart"));
        pair.Flush();
        Assert.Equal("first\r\nsecond\n", client.DataString);
        client.Transport.Write(B("ial\n"));
        pair.Flush();
        Assert.Equal("first\r\nsecond\npartial\n", client.DataString);
        Assert.Equal(3, ((LineEchoProtocol)pair.Server).LinesEchoed);
    }

    [Fact]
    public void LineEchoDropsAClientThatSendsALineLongerThanTheLimit()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new EchoFactory(FramingMode.Line, maxLineLength: 8), client);
        client.Transport.Write(B("123456789\n"));
        pair.Flush();
        Assert.Empty(client.Data);
        Assert.True(client.Closed);
    }

    [Fact]
    public void DiscardCountsAndSendsNothing()
    {
        var client = new AccumulatingProtocol();
        var pair = ConnectedPair.Connect(new DiscardFactory(), client);
        client.Transport.Write(new byte[1000]);
        pair.Flush();
        Assert.Empty(client.Data);
        Assert.Equal(1000, ((DiscardProtocol)pair.Server).BytesDiscarded);
    }

    [Fact]
    public void FactoriesSetThemselvesOnTheirProtocols()
    {
        var address = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1);
        var echo = new EchoFactory();
        Assert.Same(echo, ((EchoProtocol)echo.BuildProtocol(address)!).Factory);
        var discard = new DiscardFactory();
        Assert.Same(discard, ((DiscardProtocol)discard.BuildProtocol(address)!).Factory);
    }
}
