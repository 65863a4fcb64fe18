using NetScope.Core.Time;

namespace NetScope.Core.Defer;

/// <content>Cancellation and timeouts.</content>
public partial class Deferred
{
    /// <summary>
    /// Cancels the operation this Deferred stands for. If it has not fired, the canceller
    /// runs; if that did not fire it (or there is none), it fails with
    /// <see cref="CancelledException"/>, and a later <see cref="Callback"/> from the operation
    /// is silently ignored (once) when there was no canceller. If it has fired but waits on
    /// another Deferred, that one is cancelled instead. Otherwise nothing happens.
    /// </summary>
    public virtual void Cancel()
    {
        if (!_called)
        {
            var observer = CurrentObserver;
            if (observer is not null)
            {
                Notify(observer, static (o, d) => o.Cancelled(d), this);
            }

            var canceller = _canceller;
            if (canceller is not null)
            {
                canceller(this);
            }
            else
            {
                // Eat the result the operation will eventually deliver: there is no way to stop it.
                _suppressAlreadyCalled = true;
            }

            if (!_called)
            {
                Errback(new Failure(new CancelledException()));
            }
        }
        else if (_result is Deferred waitingOn)
        {
            waitingOn.Cancel();
        }
    }

    /// <summary>
    /// Cancels this Deferred if it has not fired within <paramref name="timeoutSeconds"/> on
    /// <paramref name="clock"/>, and turns the resulting <see cref="CancelledException"/> into a
    /// <see cref="DeferredTimeoutException"/>, or into whatever <paramref name="onTimeoutCancel"/>
    /// returns (it receives the chain's value and the timeout). Results that arrive in time
    /// pass through unchanged and the pending timeout call is cancelled.
    /// </summary>
    /// <returns>This Deferred.</returns>
    public Deferred AddTimeout(double timeoutSeconds, IReactorTime clock, Func<object?, double, object?>? onTimeoutCancel = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var timedOut = false;
        var delayedCall = clock.CallLater(timeoutSeconds, () =>
        {
            timedOut = true;
            Cancel();
        });

        AddBoth(value => timedOut ? (onTimeoutCancel ?? CancelledToTimedOut)(value, timeoutSeconds) : value);
        AddBoth(result =>
        {
            if (delayedCall.Active())
            {
                delayedCall.Cancel();
            }

            return result;
        });
        return this;
    }

    private static object? CancelledToTimedOut(object? value, double timeoutSeconds)
    {
        if (value is Failure failure)
        {
            failure.Trap(typeof(CancelledException));
            throw new DeferredTimeoutException(timeoutSeconds);
        }

        return value;
    }
}
