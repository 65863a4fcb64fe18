namespace NetScope.Tui.Model;

/// <summary>
/// A rate over time from a growing counter (bytes moved): one value per bucket of at least
/// <see cref="BucketSeconds"/>, the newest <see cref="Capacity"/> kept. For the live graphs.
/// </summary>
internal sealed class RateSeries
{
    private readonly Queue<double> _values = new();
    private double? _lastTime;
    private long _lastCount;
    private double[]? _copy;

    public RateSeries(double bucketSeconds = 0.5, int capacity = 120)
    {
        BucketSeconds = bucketSeconds;
        Capacity = capacity;
    }

    /// <summary>The shortest interval a value covers.</summary>
    public double BucketSeconds { get; }

    /// <summary>Values kept.</summary>
    public int Capacity { get; }

    /// <summary>The rates, oldest first (the same array until a value is added).</summary>
    public IReadOnlyList<double> Values => _copy ??= _values.ToArray();

    /// <summary>Adds a reading of the counter at <paramref name="time"/> seconds; a value comes out once a bucket has passed.</summary>
    public void Observe(double time, long count)
    {
        if (_lastTime is not { } last)
        {
            _lastTime = time;
            _lastCount = count;
            return;
        }

        var elapsed = time - last;
        if (elapsed < BucketSeconds)
        {
            return;
        }

        Push(Math.Max(0, count - _lastCount) / elapsed);
        _lastTime = time;
        _lastCount = count;
    }

    /// <summary>Adds a value as is (a sample that is already a level, like a round-trip time).</summary>
    public void Push(double value)
    {
        if (_values.Count == Capacity)
        {
            _values.Dequeue();
        }

        _values.Enqueue(value);
        _copy = null;
    }
}
