using System.Diagnostics;
using System.Globalization;

namespace NetScope.Tui.App;

/// <summary>
/// How the UI thread keeps up, for the Loop tab: loop iterations per second and the longest gap
/// between two, the time spent applying frames, and the garbage collector's pauses, per second.
/// UI thread only.
/// </summary>
internal sealed class UiMeter
{
    private readonly TimeProvider _time;
    private long _windowStart;
    private long _lastIteration;
    private int _iterations;
    private double _worstGap;
    private int _applies;
    private double _applyTotal;
    private double _applyWorst;
    private TimeSpan _pauseAtStart = GC.GetTotalPauseDuration();
    private int _gen0AtStart = GC.CollectionCount(0);
    private int _gen2AtStart = GC.CollectionCount(2);

    public UiMeter(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _windowStart = _time.GetTimestamp();
    }

    /// <summary>The figures of the last whole second (name, value), once one has passed.</summary>
    public IReadOnlyList<(string Name, string Value)> Summary { get; private set; } = [];

    /// <summary>A loop iteration began.</summary>
    public void Iteration()
    {
        var now = _time.GetTimestamp();
        if (_lastIteration != 0)
        {
            _worstGap = Math.Max(_worstGap, _time.GetElapsedTime(_lastIteration, now).TotalMilliseconds);
        }

        _lastIteration = now;
        _iterations++;
        var elapsed = _time.GetElapsedTime(_windowStart, now);
        if (elapsed < TimeSpan.FromSeconds(1))
        {
            return;
        }

        var pause = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        Summary =
        [
            ("ui loop", string.Create(CultureInfo.InvariantCulture, $"{_iterations / elapsed.TotalSeconds:0}/s, longest gap {_worstGap:0} ms")),
            ("frame apply", string.Create(CultureInfo.InvariantCulture, $"{(_applies == 0 ? 0 : _applyTotal / _applies):0.0} ms, worst {_applyWorst:0.0} ms")),
            ("gc", string.Create(CultureInfo.InvariantCulture, $"{gen0 - _gen0AtStart} collections ({gen2 - _gen2AtStart} full), paused {(pause - _pauseAtStart).TotalMilliseconds:0} ms")),
        ];
        _windowStart = now;
        _iterations = 0;
        _worstGap = 0;
        _applies = 0;
        _applyTotal = 0;
        _applyWorst = 0;
        _pauseAtStart = pause;
        _gen0AtStart = gen0;
        _gen2AtStart = gen2;
    }

    /// <summary>Measures <paramref name="apply"/> (a frame being applied).</summary>
    public void Measure(Action apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var started = Stopwatch.GetTimestamp();
        apply();
        var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _applies++;
        _applyTotal += took;
        _applyWorst = Math.Max(_applyWorst, took);
    }
}
