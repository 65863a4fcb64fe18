using NetScope.Core.Time;

namespace NetScope.Testing;

/// <summary>
/// A deterministic <see cref="IReactorTime"/> for tests (Twisted's <c>task.Clock</c>): time
/// stands still until <see cref="Advance"/> moves it, and then the calls that became due run,
/// in due order, calls due at the same time in the order they were scheduled.
/// </summary>
public sealed class Clock : IReactorTime
{
    private readonly TimerQueue _calls;

    /// <summary>Creates a clock reading <paramref name="startSeconds"/>.</summary>
    public Clock(double startSeconds = 0)
    {
        RightNow = startSeconds;
        _calls = new TimerQueue(() => RightNow);
    }

    /// <summary>The current time.</summary>
    public double RightNow { get; private set; }

    /// <inheritdoc/>
    public double Seconds() => RightNow;

    /// <inheritdoc/>
    public IDelayedCall CallLater(double delaySeconds, Action callable) => _calls.Schedule(delaySeconds, callable);

    /// <inheritdoc/>
    public IReadOnlyList<IDelayedCall> GetDelayedCalls() => _calls.Snapshot();

    /// <summary>
    /// Moves time forward by <paramref name="seconds"/> and runs every call that is due,
    /// including calls those calls schedule if they are due too. An exception from a call
    /// propagates to the caller; later calls stay pending.
    /// </summary>
    public void Advance(double seconds)
    {
        if (seconds < 0 || double.IsNaN(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Time only moves forward.");
        }

        RightNow += seconds;
        _calls.RunDue(RightNow);
    }

    /// <summary>Advances by each of <paramref name="timings"/> in turn.</summary>
    public void Pump(IEnumerable<double> timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        foreach (var step in timings)
        {
            Advance(step);
        }
    }
}
