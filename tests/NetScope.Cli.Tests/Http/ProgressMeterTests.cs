using NetScope.Cli.Http;
using NetScope.Testing;

namespace NetScope.Cli.Tests.Http;

/// <summary>The progress bar of long downloads: what it draws, when, and that it leaves nothing behind.</summary>
public sealed class ProgressMeterTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(0L, 100 * MiB, 0.0, "[........................]   0%  0 B / 100.0 MiB")]
    [InlineData(50 * MiB, 100 * MiB, 0.5, "[############............]  50%  50.0 MiB / 100.0 MiB  100.0 MiB/s")]
    [InlineData(100 * MiB, 100 * MiB, 2.0, "[########################] 100%  100.0 MiB / 100.0 MiB  50.0 MiB/s")]
    [InlineData(3 * MiB, -1L, 1.0, "3.0 MiB  3.0 MiB/s")]
    [InlineData(5L * 1024 * MiB, -1L, 4.0, "5.00 GiB  1.25 GiB/s")]
    public void TheBarShowsTheShareTheSizesAndTheRate(long received, long total, double elapsed, string expected)
    {
        Assert.Equal(expected, ProgressMeter.Render(received, elapsed, total));
    }

    [Fact]
    public void NothingIsDrawnBelowTheThresholdAndTheBarIsRedrawnAtMostFiveTimesASecond()
    {
        var clock = new Clock();
        var error = new StringWriter();
        var meter = new ProgressMeter(error, clock, 10 * MiB);

        meter.Update(ProgressMeter.Threshold - 1);
        Assert.Equal("", error.ToString());
        clock.Advance(1);
        meter.Update(5 * MiB);
        clock.Advance(0.1);
        meter.Update(6 * MiB);
        clock.Advance(0.1);
        meter.Update(7 * MiB);

        Assert.Equal(
            "\r[############............]  50%  5.0 MiB / 10.0 MiB  5.0 MiB/s"
            + "\r[################........]  70%  7.0 MiB / 10.0 MiB  5.8 MiB/s",
            error.ToString());
    }

    [Fact]
    public void FinishingWipesTheBar()
    {
        var clock = new Clock();
        var error = new StringWriter();
        var meter = new ProgressMeter(error, clock, -1);
        clock.Advance(1);
        meter.Update(8 * MiB);
        var drawn = error.ToString();

        meter.Finish();

        Assert.Equal(drawn + "\r" + new string(' ', drawn.Length - 1) + "\r", error.ToString());
    }

    [Fact]
    public void AWriterThatIsNotTheConsolesNeverGetsABar()
    {
        Assert.False(ProgressMeter.CanDraw(new StringWriter(), bodyToFile: true));
    }
}
