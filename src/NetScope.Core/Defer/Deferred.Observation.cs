using NetScope.Core.Logging;
using NetScope.Core.Observation;

namespace NetScope.Core.Defer;

/// <content>Debug mode and the observation hooks.</content>
public partial class Deferred
{
    private static volatile bool _debugging;
    /// <summary>
    /// Written with <see cref="Volatile.Write{T}(ref T, T)"/>, read plainly: the hot paths must not pay
    /// for acquire reads, and a diagnostic observer only needs to be seen eventually.
    /// </summary>
    private static IDeferredObserver? _observer;

    /// <summary>
    /// <see langword="true"/> while debug mode is on or an observer is attached: the one branch
    /// construction and firing take on their hot paths (kept in step by the two setters), so the
    /// no-observer, no-debug case pays the same as a build without hooks, which still checks debug mode.
    /// </summary>
    private static bool _hooksActive;
    private static readonly Lock HooksGate = new();

    /// <summary>
    /// Debug mode (off by default): Deferreds created or fired while it is on record where,
    /// and <see cref="AlreadyCalledException"/> and unhandled-error reports include both sites.
    /// Twisted's <c>setDebugging</c>/<c>getDebugging</c>.
    /// </summary>
    public static bool Debugging
    {
        get => _debugging;
        set
        {
            lock (HooksGate)
            {
                _debugging = value;
                UpdateConstructionHooks();
            }
        }
    }

    /// <summary>Turns debug mode on or off (Twisted's <c>setDebugging</c>).</summary>
    public static void SetDebugging(bool on) => Debugging = on;

    /// <summary>Whether debug mode is on (Twisted's <c>getDebugging</c>).</summary>
    public static bool GetDebugging() => _debugging;

    /// <summary>The observer attached to every Deferred, or <see langword="null"/>.</summary>
    public static IDeferredObserver? Observer => CurrentObserver;

#if NO_DEFERRED_OBSERVER
    /// <summary>This build was made with <c>/p:NoDeferredObserver=true</c>: the hooks are compiled out.</summary>
    internal static bool HasObserverHooks => false;

    /// <summary>
    /// The hot paths read this instead of the field: a constant <see langword="null"/> here, so
    /// the JIT removes every notification branch (used to measure what the hooks cost).
    /// </summary>
    private static IDeferredObserver? CurrentObserver => null;
#else
    /// <summary>The observer hooks are compiled in (the default build).</summary>
    internal static bool HasObserverHooks => true;

    private static IDeferredObserver? CurrentObserver => _observer;
#endif

    /// <summary>
    /// Attaches <paramref name="observer"/> to every Deferred (replacing any other), or detaches
    /// with <see langword="null"/>. To feed several consumers, attach one observer that fans out.
    /// </summary>
    /// <exception cref="NotSupportedException">
    /// This build of NetScope.Core was made without the observer hooks (<c>/p:NoDeferredObserver=true</c>).
    /// </exception>
    public static void SetObserver(IDeferredObserver? observer)
    {
        if (!HasObserverHooks && observer is not null)
        {
            throw new NotSupportedException("This build of NetScope.Core was made without the Deferred observer hooks (NoDeferredObserver=true).");
        }

        lock (HooksGate)
        {
            Volatile.Write(ref _observer, observer);
            UpdateConstructionHooks();
        }
    }

    /// <summary>The constructor's slow path: debug mode's creation site, the observer's id, scope and event.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void InitializeHooks()
    {
        if (_debugging)
        {
            _debugInfo = new DeferredDebugInfo { Creator = DeferredDebugInfo.CaptureStack() };
        }

        var observer = CurrentObserver;
        if (observer is not null)
        {
            _id = Interlocked.Increment(ref _nextId);
            _scope = ObservationScope.Current;
            Notify(observer, static (o, d) => o.Created(d), this);
        }
    }

    /// <summary>Firing's slow path: debug mode's invocation site and the observer's event.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void OnFiredHooks(object? result)
    {
        if (_debugging)
        {
            _debugInfo ??= new DeferredDebugInfo();
            _debugInfo.Invoker = DeferredDebugInfo.CaptureStack();
        }

        var observer = CurrentObserver;
        if (observer is not null)
        {
            NotifyFired(observer, result);
        }
    }

    /// <summary>Called under <see cref="HooksGate"/> after either setting changed.</summary>
    private static void UpdateConstructionHooks() =>
        Volatile.Write(ref _hooksActive, _debugging || CurrentObserver is not null);

    /// <summary>
    /// Tells the observer that <paramref name="awaiting"/> (an <c>async Deferred</c> method's
    /// Deferred) is suspended on <paramref name="awaited"/>, whose next link resumes the method.
    /// </summary>
    internal static void NotifyAwaiting(Deferred awaiting, Deferred awaited)
    {
        var observer = CurrentObserver;
        if (observer is null)
        {
            return;
        }

        try
        {
            observer.Awaiting(awaiting, awaited, awaited._linksAdded);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    /// <summary>The user's function behind one of the core's adapters (a typed callback, an await).</summary>
    private static Delegate? Unwrap(Delegate? callable) =>
        callable?.Target is IWrappedCallable adapter ? adapter.Wrapped : callable;

    internal string? DebugSitesForReport() => _debugInfo?.DescribeSites();

    internal void OnUnhandledFailureCleared()
    {
        var observer = CurrentObserver;
        if (observer is not null)
        {
            Notify(observer, static (o, d) => o.UnhandledFailureCleared(d), this);
        }
    }

    internal void OnUnhandledFailureFinalized(Failure failure) =>
        CurrentObserver?.UnhandledFailureFinalized(_id, Label, failure);

    private void NotifyLinkAdded(IDeferredObserver observer, Delegate? callback, Delegate? errback)
    {
        try
        {
            observer.CallbacksAdded(this, _linksAdded - 1, Unwrap(callback), Unwrap(errback));
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private void NotifyFired(IDeferredObserver observer, object? result)
    {
        try
        {
            observer.Fired(this, result);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private void NotifyStep(IDeferredObserver observer, in DeferredStep step)
    {
        try
        {
            observer.StepRan(this, step);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private void NotifyPause(IDeferredObserver observer)
    {
        try
        {
            observer.PauseChanged(this, _paused);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private void NotifyChained(IDeferredObserver observer, Deferred waitingOn)
    {
        try
        {
            observer.Chained(this, waitingOn);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private void NotifyFailureLeftUnhandled(IDeferredObserver observer, Failure failure)
    {
        try
        {
            observer.FailureLeftUnhandled(this, failure);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private static void Notify(IDeferredObserver observer, Action<IDeferredObserver, Deferred> call, Deferred deferred)
    {
        try
        {
            call(observer, deferred);
        }
        catch (Exception exception)
        {
            Detach(observer, exception);
        }
    }

    private static void Detach(IDeferredObserver observer, Exception exception)
    {
        // Only detach the observer that failed; a newer one may already have replaced it.
        Interlocked.CompareExchange(ref _observer, null, observer);
        DeferLog.ObserverFailed(NetScopeLogging.CreateLogger(DeferLog.Category), exception, observer.GetType().Name);
    }
}
