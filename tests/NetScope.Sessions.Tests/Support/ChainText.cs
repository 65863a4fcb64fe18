using System.Text.RegularExpressions;

namespace NetScope.Sessions.Tests.Support;

/// <summary>Chain-tree lines with the link durations (real run times, which vary) taken off the ends.</summary>
internal static partial class ChainText
{
    public static IReadOnlyList<string> WithoutDurations(IEnumerable<string> lines) =>
        lines.Select(line => Duration().Replace(line, string.Empty)).ToList();

    [GeneratedRegex(@"  in (\d+ µs|\d+\.\d ms|\d+\.\d s)$")]
    private static partial Regex Duration();
}
