using NetScope.Sessions.Kinds;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Streams;

namespace NetScope.Sessions.Workspaces;

/// <content>
/// The thread-safe command surface: each command runs on the reactor thread (through
/// <c>CallFromThread</c>, or at once when called there) and its task completes with the outcome.
/// Unknown numbers fail with <see cref="KeyNotFoundException"/>; a command a session cannot take
/// (sending to an HTTP request, say) with <see cref="InvalidOperationException"/>.
/// </content>
public sealed partial class Workspace
{
    /// <summary>Runs <paramref name="function"/> on the reactor thread and returns its result.</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Invoke(Reactor, function);
    }

    /// <summary>Runs <paramref name="action"/> on the reactor thread.</summary>
    public Task InvokeAsync(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Invoke(Reactor, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>Opens a TCP line/raw session; completes with its number once created (it connects on its own).</summary>
    public Task<long> OpenTcpAsync(TcpSessionRequest request) => InvokeAsync(() => OpenTcp(request).Id);

    /// <summary>Opens a session of any kind; completes with its number once created.</summary>
    public Task<long> OpenAsync(ISessionStarter starter) => InvokeAsync(() => Open(starter).Id);

    /// <summary>Sends <paramref name="data"/> (copied now) on a stream session.</summary>
    public Task SendAsync(long sessionId, ReadOnlyMemory<byte> data)
    {
        var copy = data.ToArray();
        return InvokeAsync(() => StreamOf(sessionId).Send(copy));
    }

    /// <summary>Sends <paramref name="text"/> and the session's line ending on a stream session.</summary>
    public Task SendLineAsync(long sessionId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return InvokeAsync(() => StreamOf(sessionId).SendLine(text));
    }

    /// <summary>Finishes sending on a stream session (FIN) and keeps reading.</summary>
    public Task HalfCloseAsync(long sessionId) => InvokeAsync(() => StreamOf(sessionId).HalfClose());

    /// <summary>Switches a stream session between line and raw framing.</summary>
    public Task SetModeAsync(long sessionId, StreamMode mode) => InvokeAsync(() => StreamOf(sessionId).SetMode(mode));

    /// <summary>Closes a session after what is buffered is sent (or stops it connecting).</summary>
    public Task CloseAsync(long sessionId) => InvokeAsync(() => SessionOf(sessionId).Close());

    /// <summary>Drops a session at once (the peer sees a reset).</summary>
    public Task AbortAsync(long sessionId) => InvokeAsync(() => SessionOf(sessionId).Abort());

    /// <summary>Starts a listener of any kind; completes with its number once listening, or fails with why it could not.</summary>
    public Task<long> StartListenerAsync(IListenerStarter starter) => InvokeAsync(() => StartListener(starter).Id);

    /// <summary>Stops a listener; completes once its port is closed.</summary>
    public async Task StopListenerAsync(long listenerId)
    {
        var stopped = await InvokeAsync(() =>
        {
            var listener = FindListener(listenerId) ?? throw new KeyNotFoundException($"no listener #{listenerId}");
            return listener.Stop().AsTask(post: Reactor.CallFromThread);
        }).ConfigureAwait(false);
        await stopped.ConfigureAwait(false);
    }

    /// <summary>Cancels a pending Deferred by its number (see <see cref="CancelDeferred"/>).</summary>
    public Task<bool> CancelDeferredAsync(long deferredId) => InvokeAsync(() => CancelDeferred(deferredId));

    /// <summary>
    /// Runs <paramref name="action"/> against an entry on the reactor thread, in its scope: the
    /// way later kinds add commands (STARTTLS on a session, say) without changing the workspace.
    /// </summary>
    public Task RunAsync(long entryId, Action<WorkspaceEntry> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return InvokeAsync(() =>
        {
            var entry = FindEntry(entryId) ?? throw new KeyNotFoundException($"no session or listener #{entryId}");
            entry.RunInScope(() => action(entry));
        });
    }

    /// <summary>Copies the workspace from any thread (see <see cref="Snapshot"/>).</summary>
    public Task<WorkspaceSnapshot> SnapshotAsync(SnapshotOptions? options = null) => InvokeAsync(() => Snapshot(options));

    /// <summary>Copies one session from any thread; <see langword="null"/> if it is not remembered.</summary>
    public Task<SessionSnapshot?> SnapshotSessionAsync(long sessionId, SnapshotOptions? options = null) =>
        InvokeAsync(() => SnapshotSession(sessionId, options));

    private Session SessionOf(long id) => FindSession(id) ?? throw new KeyNotFoundException($"no session #{id}");

    private StreamSession StreamOf(long id)
    {
        var session = SessionOf(id);
        return session.Stream ?? throw new InvalidOperationException($"session #{id} ({session.Kind}) is not a byte stream");
    }
}
