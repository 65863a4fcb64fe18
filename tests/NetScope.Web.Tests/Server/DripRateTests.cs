using NetScope.Web.Server;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

/// <summary><c>--drip RATE</c> holds its rate for files at high rates too, where a tick is worth more than one file chunk.</summary>
public sealed class DripRateTests : IDisposable
{
    private const double Tick = 0.05;

    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData(1_000_000, 3)]
    [InlineData(20_000_000, 1)]
    public void AFileIsSentAtTheDripRate(int rate, int seconds)
    {
        var data = _tree.WriteLargeFile("big.bin", (rate * seconds) + (4 * 1024 * 1024));
        var harness = new ServerHarness(new StaticFile(_tree.Root), new SiteOptions { DripBytesPerSecond = rate });
        var connection = harness.Connect();
        connection.Send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
        var head = connection.Transport.WrittenCount;

        long largestTick = 0;
        var sent = head;
        for (var step = 0; step < seconds / Tick; step++)
        {
            harness.Advance(Tick, step: Tick);
            largestTick = Math.Max(largestTick, connection.Transport.WrittenCount - sent);
            sent = connection.Transport.WrittenCount;
        }

        var body = sent - head;
        Assert.InRange(body, rate * seconds * 0.97, rate * seconds * 1.01);
        Assert.InRange(largestTick, 0, (long)(rate * Tick) + 1);
        Assert.True(body < data.Length, "the whole file went out: the test measures nothing");
    }

    [Fact]
    public void ABodyWrittenAfterAnIdlePauseStartsAtTheRateNotWithABurst()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource, new SiteOptions { DripBytesPerSecond = 100_000 });
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        harness.Advance(5, step: Tick);
        var before = connection.Transport.WrittenCount;

        resource.Answer(new string('b', 50_000));
        var head = connection.Transport.WrittenCount - before;
        harness.Advance(Tick, step: Tick);

        // The first tick sends its 5000 bytes and the chunk-size line in front of them.
        Assert.InRange(connection.Transport.WrittenCount - before - head, 5_000, 5_000 + 8);
    }
}
