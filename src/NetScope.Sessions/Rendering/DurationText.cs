using System.Globalization;

namespace NetScope.Sessions.Rendering;

/// <summary>Durations as views show them: "0.4 ms" under a second, "1.2 s" from one second on.</summary>
public static class DurationText
{
    /// <summary>Formats <paramref name="seconds"/>.</summary>
    public static string Format(double seconds) =>
        seconds < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, seconds) * 1000:0.0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s");

    /// <summary>Formats a short span such as a callback's run time: whole microseconds under a millisecond ("12 µs"), else as <see cref="Format"/>.</summary>
    public static string FormatShort(double seconds) =>
        seconds < 0.001
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, seconds) * 1_000_000:0} µs")
            : Format(seconds);
}
