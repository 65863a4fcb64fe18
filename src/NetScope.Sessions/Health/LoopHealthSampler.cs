using NetScope.Core.Reactor;

namespace NetScope.Sessions.Health;

/// <summary>Turns <see cref="ReactorHealth"/> readings into samples with rates, keeping the most recent ones.</summary>
internal sealed class LoopHealthSampler
{
    private readonly Queue<LoopHealthSample> _recent = new();
    private readonly int _keep;
    private ReactorHealth? _previous;

    public LoopHealthSampler(int keep)
    {
        _keep = Math.Max(1, keep);
    }

    public LoopHealthSample? Latest { get; private set; }

    public IReadOnlyList<LoopHealthSample> Recent => _recent.ToArray();

    /// <summary>Records <paramref name="health"/> read at <paramref name="time"/> (seconds since the workspace started).</summary>
    public LoopHealthSample Add(ReactorHealth health, double time)
    {
        double? rate = null;
        if (_previous is { } previous && health.Time > previous.Time)
        {
            rate = (health.Iterations - previous.Iterations) / (health.Time - previous.Time);
        }

        _previous = health;
        var sample = new LoopHealthSample(
            time,
            health.Iterations,
            rate,
            health.LastTimerLagSeconds,
            health.MaxTimerLagSeconds,
            health.Readers,
            health.Writers,
            health.PendingDelayedCalls,
            health.NextCalls,
            health.ThreadCallQueueDepth,
            health.ThreadPoolQueueDepth,
            health.ThreadPoolBusyThreads,
            health.ThreadPoolThreads);
        if (_recent.Count == _keep)
        {
            _recent.Dequeue();
        }

        _recent.Enqueue(sample);
        Latest = sample;
        return sample;
    }
}
