using System.Globalization;

namespace NetScope.Tui.Model;

/// <summary>
/// Turns the reactor's clock (what transcripts stamp) into wall-clock times for display, from one
/// reading of both clocks taken together.
/// </summary>
/// <param name="ReactorSeconds">The reactor clock at the reading.</param>
/// <param name="Wall">The wall clock at the reading.</param>
/// <param name="Zone">The time zone times are shown in.</param>
internal sealed record ModelClock(double ReactorSeconds, DateTimeOffset Wall, TimeZoneInfo Zone)
{
    /// <summary>A clock that shows reactor seconds as UTC times from the epoch (for tests that do not care).</summary>
    public static ModelClock Epoch { get; } = new(0, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

    /// <summary>The wall-clock time of reactor time <paramref name="reactorSeconds"/>.</summary>
    public DateTimeOffset ToWall(double reactorSeconds) => Wall + TimeSpan.FromSeconds(reactorSeconds - ReactorSeconds);

    /// <summary>"13:04:05.123", in <see cref="Zone"/>.</summary>
    public string Format(double reactorSeconds) => FormatWall(ToWall(reactorSeconds));

    /// <summary>"13:04:05.123" for a wall-clock time, in <see cref="Zone"/>.</summary>
    public string FormatWall(DateTimeOffset wall) =>
        TimeZoneInfo.ConvertTime(wall, Zone).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
