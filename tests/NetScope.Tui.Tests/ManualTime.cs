namespace NetScope.Tui.Tests;

/// <summary>A clock that moves only when told (timestamps in ticks of 100 ns).</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset _now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _now.UtcTicks;

    public void Advance(TimeSpan by) => _now += by;
}
