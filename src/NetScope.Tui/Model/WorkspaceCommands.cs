using System.Collections.Concurrent;
using System.Text;
using NetScope.Sessions.Formatting;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>
/// What the UI asks the workspace to do. Every command goes to the reactor thread through the
/// workspace's thread-safe surface and returns at once; a failure is written to the Log tab
/// (and the returned task carries it, for a dialog that waits).
/// </summary>
internal sealed class WorkspaceCommands
{
    private readonly Workspace _workspace;
    private readonly LogModel _log;

    private readonly UpgradableSessions _upgradable = new();

    /// <summary>The http requests sessions were opened with, by session, for <see cref="Repeat"/> (the newest <see cref="RepeatableRequests"/>).</summary>
    private readonly ConcurrentDictionary<long, OpenRequest> _requests = new();

    public WorkspaceCommands(Workspace workspace, LogModel log)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>The workspace the commands go to (for starters that need its reactor).</summary>
    public Workspace Workspace => _workspace;

    /// <summary>Sends <paramref name="text"/> and the session's line ending.</summary>
    public Task SendLine(long sessionId, string text) => Report($"send to #{sessionId}", _workspace.SendLineAsync(sessionId, text));

    /// <summary>Sends bytes as they are.</summary>
    public Task SendBytes(long sessionId, byte[] data) => Report($"send to #{sessionId}", _workspace.SendAsync(sessionId, data));

    /// <summary>Switches line/raw framing.</summary>
    public Task SetMode(long sessionId, StreamMode mode) => Report($"switch #{sessionId} to {mode.ToString().ToLowerInvariant()} mode", _workspace.SetModeAsync(sessionId, mode));

    /// <summary>Changes what sending a line appends (a note in the transcript says so).</summary>
    public Task SetLineEnding(long sessionId, byte[] ending) => Report(
        $"set the line ending of #{sessionId}",
        _workspace.RunAsync(sessionId, entry =>
        {
            var stream = (entry as Session)?.Stream ?? throw new InvalidOperationException($"#{sessionId} is not a line/raw session");
            stream.LineEnding = ending;
            stream.AddNote($"line ending {Escapes.Quote(Encoding.Latin1.GetString(ending))}");
        }));

    /// <summary>Finishes sending (FIN) and keeps reading.</summary>
    public Task HalfClose(long sessionId) => Report($"half-close #{sessionId}", _workspace.HalfCloseAsync(sessionId));

    /// <summary>Closes after what is buffered is sent.</summary>
    public Task Close(long sessionId) => Report($"close #{sessionId}", _workspace.CloseAsync(sessionId));

    /// <summary>Drops the connection at once.</summary>
    public Task Abort(long sessionId) => Report($"abort #{sessionId}", _workspace.AbortAsync(sessionId));

    /// <summary>Stops a listener.</summary>
    public Task StopListener(long listenerId) => Report($"stop listener #{listenerId}", _workspace.StopListenerAsync(listenerId));

    /// <summary>Cancels a pending Deferred; logs whether it was still pending.</summary>
    public Task<bool> CancelDeferred(long deferredId) => Report(
        $"cancel Deferred #{deferredId}",
        _workspace.CancelDeferredAsync(deferredId).ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully && !t.Result)
                {
                    _log.Add(LogSeverity.Warning, $"Deferred #{deferredId} was not cancelled: it has fired already or is no longer remembered");
                }

                return t;
            },
            TaskScheduler.Default).Unwrap());

    /// <summary>How many http requests are remembered for <see cref="Repeat"/>: older sessions repeat their method and URL only.</summary>
    public const int RepeatableRequests = 256;

    /// <summary>
    /// Opens a session of any kind (remembered, so that <see cref="StartTls"/> can upgrade it, and, for http, so
    /// that <see cref="Repeat"/> can send its request again); completes with its number.
    /// </summary>
    public Task<long> Open(ISessionStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        return Report($"open {starter.Kind} {starter.Target}", OpenRemembering(starter));
    }

    /// <summary>
    /// Sends the request http session <paramref name="sessionId"/> sent again, as a new session; completes with its
    /// number. A session whose request is not remembered (a redirect hop, or one of the oldest) is repeated from its
    /// target, <c>METHOD URL</c>, without header fields or body; <paramref name="whole"/> says which it was.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not <c>METHOD URL</c> (not an http session).</exception>
    public Task<long> Repeat(KindCatalog catalog, long sessionId, string target, out bool whole)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        whole = _requests.TryGetValue(sessionId, out var request);
        if (!whole)
        {
            var space = target.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0
                || !Input.HttpFieldParsers.TryMethod(target[..space], out var method, out _)
                || !Web.Http.HttpUrl.TryParse(target[(space + 1)..], out var url))
            {
                throw new ArgumentException($"#{sessionId} is not an http request", nameof(target));
            }

            request = OpenRequest.ForHttp(new HttpRequestSpec(method, url));
        }

        var kind = catalog.FindSession("http") ?? throw new InvalidOperationException("no http sessions in this build");
        return Open(kind.Create(request!));
    }

    /// <summary>Upgrades an open plaintext session to TLS (<c>/starttls</c>); the handshake's outcome shows in its transcript.</summary>
    public Task StartTls(long sessionId, bool insecure) => Report(
        $"start TLS on #{sessionId}",
        _workspace.InvokeAsync(() =>
        {
            var target = _workspace.FindSession(sessionId)?.Target ?? throw new KeyNotFoundException($"no session #{sessionId}");
            var host = Sessions.Targets.HostPort.TryParse(target, out var parsed, out _) ? parsed.Host : target;
            _upgradable.StartTls(sessionId, KindCatalog.ClientOptions(host, insecure));
        }));

    /// <summary>Starts a listener of a kind from <paramref name="catalog"/> (making its certificate first, for TLS).</summary>
    public async Task<long> Listen(KindCatalog catalog, ListenRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        IListenerStarter starter;
        try
        {
            starter = await catalog.CreateListenerAsync(request, _workspace.Reactor).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            _log.Add(LogSeverity.Error, $"start {request.Kind} listener: {Reason(exception)}");
            throw;
        }

        return await StartListener(starter).ConfigureAwait(false);
    }

    /// <summary>Opens a TCP line/raw session.</summary>
    public Task<long> OpenTcp(TcpSessionRequest request) => Open(new TcpSessionStarter(request));

    /// <summary>Starts a listener; completes with its number once it listens, or fails with why not.</summary>
    public Task<long> StartListener(IListenerStarter starter) => Report($"start {starter.Kind} listener on {starter.Target}", _workspace.StartListenerAsync(starter));

    /// <summary>The one-line reason of a failed command, as the Log tab and dialogs show it.</summary>
    public static string Reason(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var text = string.Join(' ', inner.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private async Task<long> OpenRemembering(ISessionStarter starter)
    {
        var id = await _workspace.OpenAsync(_upgradable.Remember(starter)).ConfigureAwait(false);
        if (starter is HttpRequestStarter http)
        {
            // Remembered before the caller hears the number: a repeat right after opening finds it.
            _requests[id] = http.Request;
            foreach (var old in _requests.Keys.Order().Take(Math.Max(0, _requests.Count - RepeatableRequests)))
            {
                _requests.TryRemove(old, out _);
            }
        }

        return id;
    }

    // The returned task fails only after the Log tab has the line, so whoever awaits the command sees both at once.
    private async Task Report(string what, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _log.Add(LogSeverity.Error, $"{what}: {Reason(exception)}");
            throw;
        }
    }

    private async Task<T> Report<T>(string what, Task<T> task)
    {
        await Report(what, (Task)task).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }
}
