using System.Globalization;

namespace NetScope.Tui.Model;

/// <summary>Numbers as the panes show them: bytes with binary units, rates, ages.</summary>
internal static class Units
{
    /// <summary>"0 B", "999 B", "1.2 KiB", "1 MiB", "3.4 GiB".</summary>
    public static string Bytes(long bytes)
    {
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value < 10 && value != Math.Floor(value)
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0} {units[unit]}");
    }

    /// <summary>A short byte count for narrow columns: "0", "999", "1.2K", "15K", "3.4M", "12G".</summary>
    public static string ShortBytes(long bytes)
    {
        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture);
        }

        string[] units = ["K", "M", "G", "T"];
        double value = bytes;
        var unit = -1;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0.0}{units[unit]}")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0}{units[unit]}");
    }

    /// <summary>"12 B/s", "1.5 MiB/s".</summary>
    public static string Rate(double bytesPerSecond) => Bytes((long)Math.Round(Math.Max(0, bytesPerSecond))) + "/s";

    /// <summary>A short age: "0s", "59s", "12m", "3h", "2d".</summary>
    public static string Age(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)seconds)}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 60)}m"),
        < 86400 => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 3600)}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)(seconds / 86400)}d"),
    };
}
