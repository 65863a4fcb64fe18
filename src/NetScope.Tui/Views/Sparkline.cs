namespace NetScope.Tui.Views;

/// <summary>A small bar graph drawn with block characters: the newest values at the right, scaled to the largest shown.</summary>
internal static class Sparkline
{
    /// <summary>
    /// <paramref name="height"/> rows of <paramref name="width"/> cells showing the last values of
    /// <paramref name="values"/>, using <paramref name="bars"/> (the first character is empty, the last full).
    /// </summary>
    public static IReadOnlyList<string> Rows(IReadOnlyList<double> values, int width, int height, string bars)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(bars);
        if (width <= 0 || height <= 0)
        {
            return [];
        }

        var levels = bars.Length - 1;
        var shown = values.Skip(Math.Max(0, values.Count - width)).ToArray();
        var max = shown.Length == 0 ? 0 : shown.Max();
        var rows = new char[height][];
        for (var row = 0; row < height; row++)
        {
            rows[row] = new string(bars[0], width).ToCharArray();
        }

        for (var i = 0; i < shown.Length; i++)
        {
            var x = width - shown.Length + i;
            var total = max <= 0 ? 0 : (int)Math.Round(Math.Max(0, shown[i]) / max * height * levels);
            if (shown[i] > 0 && total == 0)
            {
                total = 1;
            }

            for (var row = 0; row < height; row++)
            {
                var fill = Math.Clamp(total - ((height - 1 - row) * levels), 0, levels);
                rows[row][x] = bars[fill];
            }
        }

        return rows.Select(r => new string(r)).ToArray();
    }
}
