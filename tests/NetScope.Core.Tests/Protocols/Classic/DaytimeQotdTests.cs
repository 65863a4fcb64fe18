using NetScope.Core.Errors;
using NetScope.Core.Protocols.Classic;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Classic;

public class DaytimeQotdTests
{
    [Fact]
    public void DaytimeSendsTheInjectedTimeInTheRfcFormatAndCloses()
    {
        var time = new FixedTime(new DateTimeOffset(2024, 5, 21, 11, 5, 7, TimeSpan.FromHours(2)));
        var client = new AccumulatingProtocol();
        ConnectedPair.Connect(new DaytimeFactory(time), client);
        Assert.Equal("Tuesday, May 21, 2024 09:05:07-UTC\r\n", client.DataString);
        Assert.IsType<ConnectionDoneException>(client.ClosedReason!.Value);
    }

    [Fact]
    public void QotdSendsTheQuoteWithCrLfAndCloses()
    {
        var client = new AccumulatingProtocol();
        ConnectedPair.Connect(new QotdFactory(), client);
        Assert.Equal("An apple a day keeps the doctor away.\r\n", client.DataString);
        Assert.True(client.Closed);
    }

    [Fact]
    public void QotdCanPickAQuotePerConnectionAndKeepsAnExistingLineEnd()
    {
        var quotes = new Queue<string>(["first\n", "second"]);
        var factory = new QotdFactory(quotes.Dequeue);
        var one = new AccumulatingProtocol();
        var two = new AccumulatingProtocol();
        ConnectedPair.Connect(factory, one);
        ConnectedPair.Connect(factory, two);
        Assert.Equal("first\n", one.DataString);
        Assert.Equal("second\r\n", two.DataString);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
