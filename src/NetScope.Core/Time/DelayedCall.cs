using System.Globalization;
using NetScope.Core.Defer;

namespace NetScope.Core.Time;

/// <summary>
/// A call scheduled on a <see cref="TimerQueue"/> (Twisted's <c>base.DelayedCall</c>).
/// Cancelling, delaying or resetting moves it in its queue at once.
/// </summary>
public sealed class DelayedCall : IDelayedCall
{
    private readonly TimerQueue _queue;

    internal DelayedCall(TimerQueue queue, double time, long sequence, Action callable)
    {
        _queue = queue;
        Time = time;
        Sequence = sequence;
        Callable = callable;
    }

    /// <summary>What will be called.</summary>
    public Action Callable { get; }

    /// <inheritdoc/>
    public bool Called { get; private set; }

    /// <inheritdoc/>
    public bool Cancelled { get; private set; }

    internal double Time { get; private set; }

    /// <summary>Breaks ties between calls due at the same time: the earlier scheduled runs first.</summary>
    internal long Sequence { get; private set; }

    /// <summary>The observation scope current when the call was scheduled, restored while it runs.</summary>
    internal object? Scope { get; init; }

    /// <summary>Position in the queue's heap, or -1 when not queued.</summary>
    internal int HeapIndex { get; set; } = -1;

    /// <inheritdoc/>
    public double GetTime() => Time;

    /// <inheritdoc/>
    public bool Active() => !Called && !Cancelled;

    /// <inheritdoc/>
    public void Cancel()
    {
        ThrowIfInactive();
        Cancelled = true;
        _queue.Remove(this);
    }

    /// <inheritdoc/>
    public void Delay(double secondsLater)
    {
        ThrowIfInactive();
        _queue.Reschedule(this, Time + secondsLater);
    }

    /// <inheritdoc/>
    public void Reset(double secondsFromNow)
    {
        ThrowIfInactive();
        _queue.Reschedule(this, _queue.Now() + secondsFromNow);
    }

    /// <summary>A readable name for the callable, for views of pending calls.</summary>
    public string Describe() => CallableNames.Describe(Callable);

    /// <inheritdoc/>
    public override string ToString()
    {
        var state = Cancelled ? "cancelled" : Called ? "called" : string.Create(CultureInfo.InvariantCulture, $"due at {Time:0.000}");
        return $"<DelayedCall {Describe()} {state}>";
    }

    internal void MarkCalled() => Called = true;

    internal void Move(double time, long sequence)
    {
        Time = time;
        Sequence = sequence;
    }

    private void ThrowIfInactive()
    {
        if (Cancelled)
        {
            throw new DelayedCallAlreadyCancelledException();
        }

        if (Called)
        {
            throw new DelayedCallAlreadyCalledException();
        }
    }
}
