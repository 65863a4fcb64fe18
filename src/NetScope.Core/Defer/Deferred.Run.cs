using System.Diagnostics;
using NetScope.Core.Observation;

namespace NetScope.Core.Defer;

/// <content>Running the chain: Twisted's <c>_runCallbacks</c>, iterative.</content>
public partial class Deferred
{
    /// <summary>
    /// Runs pending links of this Deferred and of every Deferred waiting on it, without
    /// recursion: when a link hands its result to a waiting Deferred, that one is pushed on an
    /// explicit stack and run next, then this one continues.
    /// </summary>
    private void RunCallbacks()
    {
        if (_runningCallbacks)
        {
            // A link of this Deferred is running and added another: the running loop takes it.
            return;
        }

        var current = this;
        Deferred[]? stack = null;
        var depth = 0;
        while (true)
        {
            if (current._paused > 0)
            {
                // It will not produce a result now; everything up the chain waits with it.
                return;
            }

            // Read once per Deferred visited, not per link: a volatile read per link costs the
            // no-observer case measurably (docs/performance.md), and an observer attached midway
            // only needs to see the chain from the next Deferred on.
            var observer = CurrentObserver;
            var finished = true;
            current._chainedTo = null;
            while (current._head < current._tail)
            {
                var entry = current.PopEntry();
                if (entry.Continuation is { } waiter)
                {
                    // Give the waiting Deferred our result and forget it ourselves.
                    waiter._result = current._result;
                    current._result = null;
                    current._unhandled?.Clear(current);
                    waiter._paused--;
                    if (observer is not null)
                    {
                        current.NotifyHandedToWaiter(observer, waiter);
                    }

                    stack ??= new Deferred[4];
                    if (depth == stack.Length)
                    {
                        Array.Resize(ref stack, depth * 2);
                    }

                    stack[depth++] = current;
                    current = waiter;
                    finished = false;
                    break;
                }

                // The one observer branch per link: the observed path times, scopes and reports.
                if (observer is not null)
                {
                    if (current.RunLinkObserved(entry, observer))
                    {
                        break;
                    }

                    continue;
                }

                var input = current._result;
                if (input is Failure failure)
                {
                    if (entry.Errback is not { } errback)
                    {
                        continue;
                    }

                    current._runningCallbacks = true;
                    try
                    {
                        current._result = errback(failure);
                    }
                    catch (Exception exception)
                    {
                        current._result = new Failure(exception);
                    }
                }
                else
                {
                    if (entry.Callback is not { } callback)
                    {
                        continue;
                    }

                    current._runningCallbacks = true;
                    try
                    {
                        current._result = callback(input);
                    }
                    catch (Exception exception)
                    {
                        current._result = new Failure(exception);
                    }
                }

                // No finally needed: the catch takes every exception.
                current._runningCallbacks = false;
                if (current._result is Deferred && AdoptDeferredResult(current))
                {
                    break;
                }
            }

            if (!finished)
            {
                continue;
            }

            current.SettleAfterRun();
            if (depth == 0)
            {
                return;
            }

            current = stack![--depth];
            stack[depth] = null!;
        }
    }

    /// <summary>
    /// Runs one link (just popped) while an observer is attached: in the scope of the code that
    /// created the Deferred, timed, and reported. Returns <see langword="true"/> when the link
    /// returned an unfired Deferred and this one now waits on it.
    /// </summary>
    private bool RunLinkObserved(in CallbackEntry entry, IDeferredObserver observer)
    {
        var index = _linksAdded - PendingLinkCount - 1;
        var input = _result;
        var onErrbackPath = input is Failure;
        var invoked = onErrbackPath ? entry.Errback is not null : entry.Callback is not null;
        var started = Stopwatch.GetTimestamp();
        var nowWaiting = false;
        if (invoked)
        {
            var scoped = _scope is not null;
            var previousScope = scoped ? ObservationScope.Swap(_scope) : null;
            _runningCallbacks = true;
            try
            {
                _result = onErrbackPath ? entry.Errback!((Failure)input!) : entry.Callback!(input);
            }
            catch (Exception exception)
            {
                _result = new Failure(exception);
            }
            finally
            {
                _runningCallbacks = false;
                if (scoped)
                {
                    ObservationScope.Swap(previousScope);
                }
            }

            nowWaiting = _result is Deferred && AdoptDeferredResult(this);
        }

        var elapsed = invoked ? Stopwatch.GetTimestamp() - started : 0;
        NotifyStep(observer, new DeferredStep(index, onErrbackPath, invoked, handedToWaiter: false, _result, elapsed));
        return nowWaiting;
    }

    /// <summary>Reports the link (just popped) that handed this Deferred's result to <paramref name="waiter"/>.</summary>
    private void NotifyHandedToWaiter(IDeferredObserver observer, Deferred waiter)
    {
        var index = _linksAdded - PendingLinkCount - 1;
        NotifyStep(observer, new DeferredStep(index, waiter._result is Failure, invoked: false, handedToWaiter: true, outcome: null, elapsedTicks: 0));
        waiter.NotifyPause(observer);
    }

    /// <summary>
    /// The fast path of <see cref="AddCallbacks"/> on a fired, idle Deferred with nothing
    /// queued: runs the one link at once, exactly as <see cref="RunCallbacks"/> would.
    /// </summary>
    private void RunSingleLinkNow(Func<object?, object?>? callback, Func<Failure, object?>? errback)
    {
        _linksAdded++;
        var input = _result;
        object? output;

        // No finally: the catch takes every exception, so the flag is reset on every path, and a
        // protected region without a finally clause keeps this path free of a funclet call.
        if (input is Failure failure)
        {
            if (errback is null)
            {
                return;
            }

            _runningCallbacks = true;
            try
            {
                output = errback(failure);
            }
            catch (Exception exception)
            {
                output = new Failure(exception);
            }
        }
        else
        {
            if (callback is null)
            {
                return;
            }

            _runningCallbacks = true;
            try
            {
                output = callback(input);
            }
            catch (Exception exception)
            {
                output = new Failure(exception);
            }
        }

        _runningCallbacks = false;
        _result = output;
        if (output is Deferred && AdoptDeferredResult(this))
        {
            SettleAfterRun();
            return;
        }

        if (_head != _tail)
        {
            // The link added more links to this Deferred while it ran.
            RunCallbacks();
        }
        else if (_result is Failure || _unhandled is not null)
        {
            SettleAfterRun();
        }
    }

    /// <summary>
    /// After a link returned a Deferred: take its result if it has one, otherwise pause
    /// <paramref name="current"/> and make it wait. Returns <see langword="true"/> when waiting.
    /// </summary>
    private static bool AdoptDeferredResult(Deferred current)
    {
        if (current._result is not Deferred inner)
        {
            return false;
        }

        if (ReferenceEquals(inner, current))
        {
            current._result = new Failure(new InvalidOperationException(
                "A callback returned the Deferred it was attached to; that would wait forever."));
            return false;
        }

        var innerResult = inner._result;
        if (!inner._called || innerResult is Deferred || inner._paused > 0)
        {
            current.Pause();
            current._chainedTo = inner;
            inner.Append(new CallbackEntry(current));
            var observer = CurrentObserver;
            if (observer is not null)
            {
                current.NotifyChained(observer, inner);
            }

            return true;
        }

        // It has a result: take it, and it no longer has one to leave unhandled.
        inner._result = null;
        inner._unhandled?.Clear(inner);
        current._result = innerResult;
        return false;
    }

    /// <summary>
    /// As much of the chain as can run now has run: keep an eye on a failure left as the
    /// result (reported if nobody handles it), or forget one that has been handled.
    /// </summary>
    private void SettleAfterRun()
    {
        if (_result is Failure failure)
        {
            _unhandled ??= new UnhandledFailureTracker();
            var observer = CurrentObserver;
            if (_unhandled.Track(this, failure) && observer is not null)
            {
                NotifyFailureLeftUnhandled(observer, failure);
            }
        }
        else
        {
            _unhandled?.Clear(this);
        }
    }
}
