using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Sessions.Events;
using NetScope.Sessions.Kinds;

namespace NetScope.Sessions.Workspaces;

/// <content>Creating, finding and forgetting sessions and listeners (reactor thread).</content>
public sealed partial class Workspace
{
    private readonly List<Session> _sessions = new();
    private readonly List<Listener> _listeners = new();

    /// <summary>The sessions the workspace remembers, oldest first (ended ones are forgotten beyond <see cref="WorkspaceOptions.MaxEndedSessions"/>).</summary>
    public IReadOnlyList<Session> Sessions => _sessions;

    /// <summary>The listeners, oldest first.</summary>
    public IReadOnlyList<Listener> Listeners => _listeners;

    /// <summary>Opens a TCP line/raw session (see <see cref="TcpSessionStarter"/>).</summary>
    public Session OpenTcp(TcpSessionRequest request) => Open(new TcpSessionStarter(request));

    /// <summary>
    /// Opens a session of the kind <paramref name="starter"/> implements: creates the entry
    /// (published as <see cref="SessionOpened"/>) and starts it in the session's scope. The
    /// session is returned at once, connecting; wait with <see cref="Session.WhenOpen"/>.
    /// </summary>
    /// <exception cref="Exception">Whatever the starter throws (a bad argument, say); the session has then failed.</exception>
    public Session Open(ISessionStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        CheckThread();
        CheckNotDisposed();
        var session = new Session(this, NextEntryId(), starter.Kind, starter.Target, listener: null, SessionState.Connecting);
        Register(session);
        using (ObservationScope.Enter(session))
        {
            try
            {
                starter.Start(new SessionContext(this, session));
            }
            catch (Exception exception)
            {
                EndSession(session, exception);
                throw;
            }
        }

        return session;
    }

    /// <summary>Starts a TCP listener of line/raw sessions (see <see cref="TcpListenerStarter"/>).</summary>
    public Listener ListenTcp(TcpListenerRequest request) => StartListener(new TcpListenerStarter(request));

    /// <summary>
    /// Starts a listener of the kind <paramref name="starter"/> implements, in the listener's
    /// scope. Throws what listening throws (address in use, ...); the listener has then failed.
    /// </summary>
    public Listener StartListener(IListenerStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        CheckThread();
        CheckNotDisposed();
        var listener = new Listener(this, NextEntryId(), starter.Kind, starter.Target);
        _listeners.Add(listener);
        WatchTranscript(listener);
        Publish(new ListenerOpened(listener.Id, listener.Kind, listener.Target));
        Publish(new ListenerStateChanged(listener.Id, ListenerState.Starting, null, null));
        using (ObservationScope.Enter(listener))
        {
            try
            {
                listener.Port = starter.Start(new ListenerContext(this, listener));
            }
            catch (Exception exception)
            {
                var reason = DescribeEnd(exception);
                listener.Finish(ListenerState.Failed, Now, reason, exception);
                listener.Transcript.AddNote($"failed: {reason}");
                Publish(new ListenerStateChanged(listener.Id, ListenerState.Failed, null, reason));
                Publish(new ListenerClosed(listener.Id, ListenerState.Failed, reason));
                throw;
            }
        }

        listener.Address = Describe(listener.Port.GetHost());
        listener.State = ListenerState.Listening;
        listener.Transcript.AddNote($"listening on {listener.Address}");
        Publish(new ListenerStateChanged(listener.Id, ListenerState.Listening, listener.Address, null));
        listener.Listening();
        return listener;
    }

    /// <summary>The session numbered <paramref name="id"/>, if remembered.</summary>
    public Session? FindSession(long id) => _sessions.Find(s => s.Id == id);

    /// <summary>The listener numbered <paramref name="id"/>, if any.</summary>
    public Listener? FindListener(long id) => _listeners.Find(l => l.Id == id);

    /// <summary>The session or listener numbered <paramref name="id"/>, if remembered.</summary>
    public WorkspaceEntry? FindEntry(long id) => (WorkspaceEntry?)FindSession(id) ?? FindListener(id);

    /// <summary>
    /// Cancels the Deferred numbered <paramref name="deferredId"/> (as chain views and the
    /// watchdog number it), in its owner's scope. Returns <see langword="false"/> if it is not
    /// remembered, already settled, or no longer alive.
    /// </summary>
    public bool CancelDeferred(long deferredId)
    {
        CheckThread();
        return Deferreds?.Cancel(deferredId) ?? false;
    }

    /// <summary>
    /// The Deferreds (of the entries still remembered) whose chains ended in a failure that is still
    /// unhandled, oldest entry first. A front end reports them when it exits: .NET runs no
    /// finalizers at exit, so the collection-time report would never come. Reactor thread, or
    /// after the reactor stopped; empty unless <see cref="WorkspaceOptions.ObserveDeferreds"/>.
    /// </summary>
    public IReadOnlyList<UnhandledFailure> UnhandledFailures()
    {
        if (Deferreds is null)
        {
            return [];
        }

        return _sessions.Cast<WorkspaceEntry>().Concat(_listeners)
            .OrderBy(e => e.Id)
            .SelectMany(e => e.DeferredRecords.Where(r => r.Unhandled).Select(r => new UnhandledFailure(e.ToString(), r.Number, r.Label, r.Outcome ?? "?")))
            .ToArray();
    }

    /// <summary>A connection was accepted by <paramref name="listener"/>: its session.</summary>
    internal Session AcceptSession(Listener listener, string kind, EndPoint peer)
    {
        var session = new Session(this, NextEntryId(), kind, Describe(peer), listener, SessionState.Connecting) { Peer = peer };
        listener.AddAccepted(session);
        Register(session);
        listener.Transcript.AddNote($"accepted {session.Target} as #{session.Id}");
        return session;
    }

    internal Deferred StopListener(Listener listener)
    {
        CheckThread();
        if (listener.State != ListenerState.Listening || listener.Port is not { } port)
        {
            return Deferred.Succeed<object?>(null);
        }

        Deferred stopped = null!;
        listener.RunInScope(() => stopped = port.StopListening());
        return stopped.AddBoth(result =>
        {
            if (listener.State == ListenerState.Listening)
            {
                listener.Finish(ListenerState.Stopped, Now, "stopped", failure: null);
                listener.Transcript.AddNote("stopped");
                Publish(new ListenerStateChanged(listener.Id, ListenerState.Stopped, listener.Address, "stopped"));
                Publish(new ListenerClosed(listener.Id, ListenerState.Stopped, "stopped"));
            }

            return result;
        });
    }

    /// <summary>The reactor is shutting down: stop every listener in order; the shutdown waits for them.</summary>
    private object? StopListenersForShutdown()
    {
        if (_disposed)
        {
            return null;
        }

        var stopping = _listeners.Where(l => l.State == ListenerState.Listening).Select(StopListener).ToList();
        return stopping.Count == 0 ? null : new DeferredList(stopping, consumeErrors: true);
    }

    private void Register(Session session)
    {
        _sessions.Add(session);
        WatchTranscript(session);
        Publish(new SessionOpened(session.Id, session.Kind, session.Target, session.Listener?.Id));
        Publish(new SessionStateChanged(session.Id, session.State, null));
    }

    /// <summary>Forgets the oldest ended sessions beyond the bound, with their transcripts and Deferreds.</summary>
    private void ForgetEndedSessions()
    {
        var ended = _sessions.Count(s => s.Ended);
        for (var i = 0; ended > Options.MaxEndedSessions && i < _sessions.Count;)
        {
            var session = _sessions[i];
            if (!session.Ended)
            {
                i++;
                continue;
            }

            _sessions.RemoveAt(i);
            session.Listener?.Forget(session);
            Deferreds?.ForgetAll(session);
            ended--;
        }
    }
}
