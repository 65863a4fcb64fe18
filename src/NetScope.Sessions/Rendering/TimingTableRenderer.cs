using System.Globalization;
using NetScope.Sessions.Timing;

namespace NetScope.Sessions.Rendering;

/// <summary>
/// The phase breakdown as a small table, curl <c>-w</c> style: each phase with the time since
/// the session started ("at") and the time the phase itself took; "-" for phases not reached.
/// <code>
/// phase                  at          took
/// dns                    0.0 ms      0.0 ms
/// connect                0.3 ms      0.3 ms
/// tls                    -           -
/// first byte sent        0.5 ms      0.2 ms
/// first byte received    1.1 ms      0.6 ms
/// total                  1.2 s
/// line round trip        3 lines: min 0.4 ms, avg 0.5 ms, max 0.7 ms
/// </code>
/// </summary>
public static class TimingTableRenderer
{
    private const int NameWidth = 23;
    private const int AtWidth = 12;

    /// <summary>Renders <paramref name="timings"/> as lines.</summary>
    public static IReadOnlyList<string> Render(PhaseTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var lines = new List<string> { Line("phase", "at", "took") };
        foreach (var phase in timings.Phases)
        {
            lines.Add(Line(phase.Name, Show(phase.At), Show(phase.Took)));
        }

        lines.Add(Line("total", DurationText.Format(timings.Total), null));
        if (timings.LineRoundTrips is { } trips)
        {
            var count = trips.Count == 1 ? "1 line" : string.Create(CultureInfo.InvariantCulture, $"{trips.Count} lines");
            lines.Add(Line("line round trip", $"{count}: min {DurationText.Format(trips.Min)}, avg {DurationText.Format(trips.Mean)}, max {DurationText.Format(trips.Max)}", null));
        }

        return lines;
    }

    private static string Show(double? seconds) => seconds is { } value ? DurationText.Format(value) : "-";

    private static string Line(string name, string at, string? took) =>
        took is null ? name.PadRight(NameWidth) + at : name.PadRight(NameWidth) + at.PadRight(AtWidth) + took;
}
