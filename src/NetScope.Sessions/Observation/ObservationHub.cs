using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Transports;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Observation;

/// <summary>
/// The one process-wide Deferred and transport observer that every workspace shares (the core
/// has one slot for each). It routes each call to the workspace whose entry owns the Deferred or
/// transport (by the <see cref="ObservationScope"/> recorded at creation), so several workspaces
/// on several reactor threads can observe at once; an observer attached before the first
/// workspace keeps receiving everything and is put back after the last one.
/// </summary>
internal sealed class ObservationHub : IDeferredObserver, ITransportObserver
{
    private static readonly object Gate = new();
    private static readonly ObservationHub Instance = new();
    private static readonly ConditionalWeakTable<TransportStats, Session> TransportOwners = new();
    private static readonly ConcurrentDictionary<long, DeferredTracker> AdoptedDeferreds = new();
    private static int _workspaces;
    private static int _observingDeferreds;
    private static int _capturingSites;
    private static IDeferredObserver? _previousDeferredObserver;
    private static ITransportObserver? _previousTransportObserver;
    private static bool _previousDebugging;

    private ObservationHub()
    {
    }

    /// <summary>Starts routing to <paramref name="options"/>' workspace; attaches the hub on the first registration.</summary>
    public static void Register(WorkspaceOptions options)
    {
        lock (Gate)
        {
            if (_workspaces++ == 0)
            {
                _previousTransportObserver = TransportStats.Observer;
                TransportStats.SetObserver(Instance);
            }

            if (options.ObserveDeferreds && _observingDeferreds++ == 0)
            {
                _previousDeferredObserver = Deferred.Observer;
                Deferred.SetObserver(Instance);
            }

            if (options.CaptureCreationSites && _capturingSites++ == 0)
            {
                _previousDebugging = Deferred.Debugging;
                Deferred.Debugging = true;
            }
        }
    }

    /// <summary>Stops routing for a disposed workspace; detaches the hub after the last one.</summary>
    public static void Unregister(WorkspaceOptions options)
    {
        lock (Gate)
        {
            if (options.CaptureCreationSites && --_capturingSites == 0)
            {
                Deferred.Debugging = _previousDebugging;
            }

            if (options.ObserveDeferreds && --_observingDeferreds == 0)
            {
                Deferred.SetObserver(_previousDeferredObserver);
                _previousDeferredObserver = null;
            }

            if (--_workspaces == 0)
            {
                TransportStats.SetObserver(_previousTransportObserver);
                _previousTransportObserver = null;
            }
        }
    }

    /// <summary>Routes the state changes of <paramref name="stats"/> to <paramref name="session"/>.</summary>
    public static void OwnTransport(TransportStats stats, Session session) => TransportOwners.AddOrUpdate(stats, session);

    /// <summary>Routes a Deferred created outside any workspace scope (one a tracked Deferred waits on) to <paramref name="tracker"/>.</summary>
    public static void Adopt(long deferredId, DeferredTracker tracker) => AdoptedDeferreds[deferredId] = tracker;

    /// <summary>Stops routing an adopted Deferred.</summary>
    public static void Release(long deferredId) => AdoptedDeferreds.TryRemove(deferredId, out _);

    /// <inheritdoc/>
    public void Created(Deferred deferred)
    {
        if (deferred.Scope is WorkspaceEntry entry)
        {
            entry.Workspace.Deferreds?.OnCreated(deferred, entry);
        }

        _previousDeferredObserver?.Created(deferred);
    }

    /// <inheritdoc/>
    public void CallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback)
    {
        Route(deferred)?.OnCallbacksAdded(deferred, index, callback, errback);
        _previousDeferredObserver?.CallbacksAdded(deferred, index, callback, errback);
    }

    /// <inheritdoc/>
    public void Fired(Deferred deferred, object? result)
    {
        Route(deferred)?.OnFired(deferred, result);
        _previousDeferredObserver?.Fired(deferred, result);
    }

    /// <inheritdoc/>
    public void StepRan(Deferred deferred, in DeferredStep step)
    {
        Route(deferred)?.OnStepRan(deferred, step);
        _previousDeferredObserver?.StepRan(deferred, step);
    }

    /// <inheritdoc/>
    public void PauseChanged(Deferred deferred, int pauseCount)
    {
        Route(deferred)?.OnPauseChanged(deferred, pauseCount);
        _previousDeferredObserver?.PauseChanged(deferred, pauseCount);
    }

    /// <inheritdoc/>
    public void Chained(Deferred deferred, Deferred waitingOn)
    {
        Route(deferred)?.OnChained(deferred, waitingOn);
        _previousDeferredObserver?.Chained(deferred, waitingOn);
    }

    /// <inheritdoc/>
    public void Awaiting(Deferred deferred, Deferred awaited, int linkIndex)
    {
        Route(deferred)?.OnAwaiting(deferred, awaited, linkIndex);
        _previousDeferredObserver?.Awaiting(deferred, awaited, linkIndex);
    }

    /// <inheritdoc/>
    public void Cancelled(Deferred deferred)
    {
        Route(deferred)?.OnCancelled(deferred);
        _previousDeferredObserver?.Cancelled(deferred);
    }

    /// <inheritdoc/>
    public void FailureLeftUnhandled(Deferred deferred, Failure failure)
    {
        Route(deferred)?.OnFailureLeftUnhandled(deferred, failure);
        _previousDeferredObserver?.FailureLeftUnhandled(deferred, failure);
    }

    /// <inheritdoc/>
    public void UnhandledFailureCleared(Deferred deferred)
    {
        Route(deferred)?.OnUnhandledFailureCleared(deferred);
        _previousDeferredObserver?.UnhandledFailureCleared(deferred);
    }

    /// <inheritdoc/>
    public void UnhandledFailureFinalized(long deferredId, string? label, Failure failure)
    {
        // Already reported when the chain ended (FailureLeftUnhandled); the core logs the collection.
        _previousDeferredObserver?.UnhandledFailureFinalized(deferredId, label, failure);
    }

    /// <inheritdoc/>
    public void Opened(TransportStats stats)
    {
        if (ObservationScope.Current is Session session)
        {
            session.Workspace.AttachTransport(session, stats);
        }

        _previousTransportObserver?.Opened(stats);
    }

    /// <inheritdoc/>
    public void StateChanged(TransportStats stats, TransportStateChange change)
    {
        if (TransportOwners.TryGetValue(stats, out var session))
        {
            session.Workspace.OnTransportStateChanged(session, stats, change);
        }

        _previousTransportObserver?.StateChanged(stats, change);
    }

    private static DeferredTracker? Route(Deferred deferred)
    {
        if (deferred.Scope is WorkspaceEntry entry)
        {
            return entry.Workspace.Deferreds;
        }

        return !AdoptedDeferreds.IsEmpty && AdoptedDeferreds.TryGetValue(deferred.Id, out var tracker) ? tracker : null;
    }
}
