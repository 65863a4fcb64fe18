using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// A listening port in a workspace. Each connection it accepts becomes a <see cref="Session"/> of
/// its own (with its own transcript) whose <see cref="Session.Listener"/> is this one; the
/// listener's own transcript notes what it accepted. Use it on the reactor thread only.
/// </summary>
public sealed class Listener : WorkspaceEntry
{
    private readonly List<Session> _accepted = new();
    private List<Deferred<Listener>>? _listeningWaiters;
    private Exception? _failure;

    internal Listener(Workspace workspace, long id, string kind, string target)
        : base(workspace, id, kind, target)
    {
    }

    /// <summary>The listener's current state.</summary>
    public ListenerState State { get; internal set; }

    /// <summary>The bound address once listening ("127.0.0.1:40123").</summary>
    public string? Address { get; internal set; }

    /// <summary>The connections accepted and still remembered by the workspace, oldest first.</summary>
    public IReadOnlyList<Session> Accepted => _accepted;

    internal IListeningPort? Port { get; set; }

    /// <summary>The bound address (with the real port when bound to port 0), while listening.</summary>
    public System.Net.EndPoint? LocalEndPoint => Port?.GetHost();

    /// <summary>A new Deferred that fires with the listener once it listens, or fails with the reason it could not.</summary>
    public Deferred<Listener> WhenListening()
    {
        Deferred<Listener> waiter;
        using (ObservationScope.Enter(this))
        {
            waiter = new Deferred<Listener>().WithLabel($"listen {Target}");
        }

        if (State == ListenerState.Listening || State == ListenerState.Stopped && _failure is null)
        {
            waiter.Callback(this);
        }
        else if (State == ListenerState.Failed)
        {
            waiter.Errback(_failure!);
        }
        else
        {
            (_listeningWaiters ??= new()).Add(waiter);
        }

        return waiter;
    }

    /// <summary>Stops accepting; the Deferred fires once the port is closed. Accepted sessions are not affected.</summary>
    public Deferred Stop() => Workspace.StopListener(this);

    internal void AddAccepted(Session session) => _accepted.Add(session);

    internal void Forget(Session session) => _accepted.Remove(session);

    internal void Listening()
    {
        var waiters = _listeningWaiters;
        _listeningWaiters = null;
        foreach (var waiter in waiters ?? [])
        {
            waiter.Callback(this);
        }
    }

    internal void Finish(ListenerState state, double time, string reason, Exception? failure)
    {
        State = state;
        EndTime = time;
        EndReason = reason;
        _failure = failure;
        var waiters = _listeningWaiters;
        _listeningWaiters = null;
        foreach (var waiter in waiters ?? [])
        {
            if (failure is null)
            {
                waiter.Callback(this);
            }
            else
            {
                waiter.Errback(failure);
            }
        }
    }
}
