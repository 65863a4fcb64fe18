using NetScope.Tui.Model;
using NetScope.Tui.Views;

namespace NetScope.Tui.Tests;

public sealed class UnitsTests
{
    [Theory]
    [InlineData(0, "0 B", "0")]
    [InlineData(999, "999 B", "999")]
    [InlineData(1536, "1.5 KiB", "1.5K")]
    [InlineData(1048576, "1 MiB", "1.0M")]
    [InlineData(15 * 1048576L, "15 MiB", "15M")]
    [InlineData(3L * 1024 * 1024 * 1024, "3 GiB", "3.0G")]
    public void ByteCountsUseBinaryUnits(long bytes, string full, string shortForm)
    {
        Assert.Equal((full, shortForm), (Units.Bytes(bytes), Units.ShortBytes(bytes)));
    }

    [Theory]
    [InlineData(0.4, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(61, "1m")]
    [InlineData(7200, "2h")]
    [InlineData(200000, "2d")]
    public void AgesAreShortest(double seconds, string expected) => Assert.Equal(expected, Units.Age(seconds));

    [Fact]
    public void SparklinesScaleToTheLargestValueShownAndKeepTheNewestAtTheRight()
    {
        Assert.Equal(["   ▄█", " ▄███"], Sparkline.Rows([0, 1, 2, 3, 4], 5, 2, " ▁▂▃▄▅▆▇█"));
        Assert.Equal(["  ▁█"], Sparkline.Rows([0.01, 8], 4, 1, " ▁▂▃▄▅▆▇█"));
        Assert.Equal(["    "], Sparkline.Rows([], 4, 1, " ▁▂▃▄▅▆▇█"));
    }

    [Fact]
    public void RatesComeFromCounterReadingsOncePerBucket()
    {
        var rate = new RateSeries(bucketSeconds: 0.5, capacity: 2);
        rate.Observe(0, 0);
        rate.Observe(0.2, 100);
        rate.Observe(0.5, 500);
        rate.Observe(1.5, 1500);
        rate.Observe(2.0, 1500);

        Assert.Equal([1000.0, 0.0], rate.Values);
    }
}
