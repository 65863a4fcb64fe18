using System.Globalization;
using NetScope.Core.Time;

namespace NetScope.Cli.Http;

/// <summary>
/// A one-line progress bar on stderr for long downloads, redrawn at most five times a second: bytes so far,
/// the total and a bar when the length is known, and the average rate. It appears only once the body has
/// passed <see cref="Threshold"/>, and is wiped when the transfer ends.
/// </summary>
internal sealed class ProgressMeter
{
    /// <summary>Bodies smaller than this get no progress bar.</summary>
    public const long Threshold = 4L * 1024 * 1024;

    private const double Interval = 0.2;
    private const int BarWidth = 24;

    private readonly TextWriter _error;
    private readonly IReactorTime _clock;
    private readonly long _total;
    private readonly double _start;
    private double _lastDrawn = double.NegativeInfinity;
    private int _lastWidth;

    /// <summary>Creates the meter for a body of <paramref name="total"/> bytes (-1 when unknown).</summary>
    public ProgressMeter(TextWriter error, IReactorTime clock, long total)
    {
        _error = error;
        _clock = clock;
        _total = total;
        _start = clock.Seconds();
    }

    /// <summary>Whether stderr is a terminal a bar can be drawn on (and stdout is not that same terminal).</summary>
    public static bool CanDraw(TextWriter error, bool bodyToFile) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && (bodyToFile || Console.IsOutputRedirected);

    /// <summary>The body has reached <paramref name="received"/> bytes.</summary>
    public void Update(long received)
    {
        var now = _clock.Seconds();
        if (received < Threshold || now - _lastDrawn < Interval)
        {
            return;
        }

        _lastDrawn = now;
        Draw(Render(received, now - _start, _total));
    }

    /// <summary>The transfer ended: wipes the bar.</summary>
    public void Finish()
    {
        if (_lastWidth > 0)
        {
            _error.Write('\r' + new string(' ', _lastWidth) + '\r');
            _error.Flush();
            _lastWidth = 0;
        }
    }

    /// <summary>The text of the bar: <c>[#######.....]  42%  41.2 MiB / 97.7 MiB  512.3 MiB/s</c>.</summary>
    internal static string Render(long received, double elapsed, long total)
    {
        var rate = elapsed > 0 ? $"  {Size((long)(received / elapsed))}/s" : string.Empty;
        if (total <= 0)
        {
            return $"{Size(received)}{rate}";
        }

        var fraction = Math.Clamp((double)received / total, 0, 1);
        var filled = (int)(fraction * BarWidth);
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        return string.Create(CultureInfo.InvariantCulture, $"[{bar}] {fraction * 100,3:0}%  {Size(received)} / {Size(total)}{rate}");
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };

    private void Draw(string text)
    {
        var padding = Math.Max(0, _lastWidth - text.Length);
        _error.Write('\r' + text + new string(' ', padding));
        _error.Flush();
        _lastWidth = text.Length;
    }
}
