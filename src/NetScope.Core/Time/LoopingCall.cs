using System.Globalization;
using NetScope.Core.Defer;

namespace NetScope.Core.Time;

/// <summary>
/// Calls a function every <see cref="Interval"/> seconds (Twisted's <c>task.LoopingCall</c>).
/// </summary>
/// <remarks>
/// Iterations are aligned to the start time: if a call runs long, or the clock jumps, the
/// missed intervals are skipped and the next call happens at the next interval boundary
/// (use <see cref="WithCount"/> to learn how many intervals passed). If the function returns
/// a Deferred, the next iteration is scheduled only after it fires. If the function throws
/// or its Deferred fails, the loop stops and the Deferred returned by <see cref="Start"/>
/// fails with that error; after <see cref="Stop"/> it fires with this LoopingCall.
/// </remarks>
public sealed class LoopingCall
{
    private readonly Func<object?> _function;

    /// <summary>The delegate the user gave (not the adapter around an <see cref="Action"/>), for <see cref="ToString"/>.</summary>
    private readonly Delegate _describedAs;
    private Deferred<LoopingCall>? _deferred;
    private bool _runAtStart;
    private double? _realLastTime;
    private double? _interval;

    /// <summary>Creates a loop that calls <paramref name="function"/> on <paramref name="clock"/>; it may return a Deferred.</summary>
    public LoopingCall(IReactorTime clock, Func<object?> function)
        : this(clock, function, function)
    {
    }

    /// <summary>Creates a loop that calls <paramref name="action"/> on <paramref name="clock"/>.</summary>
    public LoopingCall(IReactorTime clock, Action action)
        : this(clock, Wrap(action), action)
    {
    }

    private LoopingCall(IReactorTime clock, Func<object?> function, Delegate describedAs)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _function = function ?? throw new ArgumentNullException(nameof(function));
        _describedAs = describedAs;
    }

    /// <summary>The clock the loop runs on.</summary>
    public IReactorTime Clock { get; }

    /// <summary><see langword="true"/> between <see cref="Start"/> and the loop's end.</summary>
    public bool Running { get; private set; }

    /// <summary>
    /// The interval in seconds, set by <see cref="Start"/>. It may be changed while the loop
    /// runs (as Twisted's <c>interval</c> attribute may); the change applies from the next
    /// iteration scheduled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to <see langword="null"/>, a negative or a non-finite number.</exception>
    public double? Interval
    {
        get => _interval;
        set
        {
            if (value is not { } seconds || seconds < 0 || !double.IsFinite(seconds))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The interval must be a finite number >= 0.");
            }

            _interval = seconds;
        }
    }

    /// <summary>When the loop was started (or last <see cref="Reset"/>), on <see cref="Clock"/>'s scale.</summary>
    public double? StartTime { get; private set; }

    /// <summary>The pending call of the next iteration, if one is scheduled.</summary>
    public IDelayedCall? Call { get; private set; }

    /// <summary>
    /// A loop whose function receives how many intervals have passed since it last ran
    /// (1 normally; more when iterations were skipped because the loop fell behind).
    /// </summary>
    public static LoopingCall WithCount(IReactorTime clock, Func<int, object?> countCallable)
    {
        ArgumentNullException.ThrowIfNull(countCallable);
        LoopingCall? loop = null;
        loop = new LoopingCall(clock, () => loop!.CountIntervals(countCallable), countCallable);
        return loop;
    }

    /// <summary>
    /// Starts the loop. With <paramref name="now"/> the first call happens at once, otherwise
    /// after one interval. An interval of 0 runs the function as often as the clock allows.
    /// </summary>
    /// <returns>A Deferred that fires with this loop when it is stopped, or fails with the function's error.</returns>
    /// <exception cref="InvalidOperationException">The loop is already running.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The interval is negative.</exception>
    public Deferred<LoopingCall> Start(double interval, bool now = true)
    {
        if (Running)
        {
            throw new InvalidOperationException("Tried to start an already running LoopingCall.");
        }

        if (interval < 0 || !double.IsFinite(interval))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be a finite number >= 0.");
        }

        Running = true;
        var deferred = _deferred = new Deferred<LoopingCall>();
        StartTime = Clock.Seconds();
        Interval = interval;
        _runAtStart = now;
        if (now)
        {
            RunOnce();
        }
        else
        {
            ScheduleFrom(StartTime.Value);
        }

        return deferred;
    }

    /// <summary>
    /// Stops the loop. If no iteration is in progress the Deferred from <see cref="Start"/>
    /// fires now; otherwise it fires when the running iteration's Deferred does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loop is not running.</exception>
    public void Stop()
    {
        if (!Running)
        {
            throw new InvalidOperationException("Tried to stop a LoopingCall that was not running.");
        }

        Running = false;
        if (Call is not null)
        {
            Call.Cancel();
            Call = null;
            FireFinished();
        }
    }

    /// <summary>Skips the pending iteration and restarts the interval timer from now.</summary>
    /// <exception cref="InvalidOperationException">The loop is not running.</exception>
    public void Reset()
    {
        if (!Running)
        {
            throw new InvalidOperationException("Tried to reset a LoopingCall that was not running.");
        }

        if (Call is not null)
        {
            Call.Cancel();
            Call = null;
            StartTime = Clock.Seconds();
            ScheduleFrom(StartTime.Value);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"LoopingCall<{Interval?.ToString(CultureInfo.InvariantCulture) ?? "?"}>({CallableNames.Describe(_describedAs)})");

    private static Func<object?> Wrap(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return () =>
        {
            action();
            return null;
        };
    }

    private void RunOnce()
    {
        Call = null;
        var result = Deferred.MaybeDeferred(_function);
        result.AddCallback(_ =>
        {
            if (Running)
            {
                ScheduleFrom(Clock.Seconds());
            }
            else
            {
                FireFinished();
            }

            return null;
        });
        result.AddErrback(failure =>
        {
            Running = false;
            var deferred = _deferred!;
            _deferred = null;
            deferred.Errback(failure);
            return null;
        });
    }

    private void FireFinished()
    {
        var deferred = _deferred!;
        _deferred = null;
        deferred.Callback(this);
    }

    private void ScheduleFrom(double when)
    {
        Call = Clock.CallLater(HowLongFrom(when), RunOnce);
    }

    private double HowLongFrom(double when)
    {
        var interval = Interval!.Value;
        if (interval == 0)
        {
            return 0;
        }

        var runningFor = when - StartTime!.Value;
        var untilNextInterval = interval - (runningFor % interval);

        // Added to a large time, a tiny remainder can vanish: then the boundary is now, so wait a whole interval.
        return when == when + untilNextInterval ? interval : untilNextInterval;
    }

    private object? CountIntervals(Func<int, object?> countCallable)
    {
        var now = Clock.Seconds();
        var interval = Interval!.Value;
        if (interval == 0)
        {
            _realLastTime = now;
            return countCallable(1);
        }

        var lastTime = _realLastTime ?? (_runAtStart ? StartTime!.Value - interval : StartTime!.Value);
        var count = IntervalOf(now) - IntervalOf(lastTime);
        if (count > 0)
        {
            _realLastTime = now;
            return countCallable(count);
        }

        return null;
    }

    private int IntervalOf(double time) => (int)((time - StartTime!.Value) / Interval!.Value);
}
