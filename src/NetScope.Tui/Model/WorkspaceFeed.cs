using NetScope.Sessions.Events;
using NetScope.Sessions.Health;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>
/// The only reader of the workspace on the UI's side: on a thread of its own it follows the event
/// stream, keeps the list's rows, fetches bounded snapshots of the selected entry (its transcript
/// incrementally), and publishes an immutable <see cref="ModelFrame"/> at most once per frame
/// period. The UI thread takes <see cref="Latest"/> at its own frame rate and never waits on the
/// reactor: a flood costs the UI one frame's worth of drawing, never a queue of updates.
/// </summary>
internal sealed partial class WorkspaceFeed : IAsyncDisposable
{
    private readonly Workspace _workspace;
    private readonly TimeProvider _time;
    private readonly FeedOptions _options;
    private readonly EntryTable _table;
    private readonly List<WorkspaceEvent> _events = new();
    private readonly Queue<LoopHealthSample> _health = new();
    private readonly CancellationTokenSource _stop = new();
    private EventSubscription? _subscription;
    private ModelFrame _latest = ModelFrame.Empty;
    private ModelClock _clock = ModelClock.Epoch;
    private Task? _loop;
    private long _selected = NoSelection;
    private long _frames;
    private long _eventsRead;
    private long _eventsLost;
    private long _resyncs;

    private const long NoSelection = long.MinValue;

    /// <summary>Creates the feed of <paramref name="workspace"/>; <see cref="StartAsync"/> begins reading.</summary>
    public WorkspaceFeed(Workspace workspace, TimeProvider time, LogModel log, FeedOptions? options = null)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Log = log ?? throw new ArgumentNullException(nameof(log));
        _options = options ?? new FeedOptions();
        _table = new EntryTable(workspace.Options.MaxEndedSessions);
    }

    /// <summary>The newest frame (any thread).</summary>
    public ModelFrame Latest => Volatile.Read(ref _latest);

    /// <summary>The Log tab's lines: the feed adds what happened in the workspace.</summary>
    public LogModel Log { get; }

    /// <summary>The settings.</summary>
    public FeedOptions Options => _options;

    /// <summary>The entry whose details and transcript are fetched (any thread); takes effect at the next frame.</summary>
    public long? Selected
    {
        get => Interlocked.Read(ref _selected) is var id && id != NoSelection ? id : null;
        set => Interlocked.Exchange(ref _selected, value ?? NoSelection);
    }

    /// <summary>
    /// Subscribes, reads the clocks and the workspace as it is, publishes the first frame, and,
    /// when <paramref name="run"/> is set, keeps refreshing on a thread-pool loop until disposed.
    /// Tests leave <paramref name="run"/> off and call <see cref="RefreshAsync"/> themselves.
    /// </summary>
    public async Task StartAsync(bool run = true)
    {
        if (_subscription is not null)
        {
            throw new InvalidOperationException("The feed has already started.");
        }

        _subscription = _workspace.Subscribe(_options.SubscriptionCapacity);
        var reactorSeconds = await Fetch(() => _workspace.Reactor.Seconds()).ConfigureAwait(false);
        _clock = new ModelClock(reactorSeconds, _time.GetUtcNow(), _time.LocalTimeZone);
        _needResync = true;
        await RefreshAsync().ConfigureAwait(false);
        if (run)
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Stops the loop and the subscription.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected way out of the loop.
            }
        }

        _subscription?.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_options.FrameInterval, _time);
        string? lastProblem = null;
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            try
            {
                await RefreshAsync().ConfigureAwait(false);
                lastProblem = null;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Keep drawing what is known; say once what went wrong until it recovers.
                var problem = $"the model could not refresh: {exception.GetType().Name}: {exception.Message}";
                if (problem != lastProblem)
                {
                    Log.Add(LogSeverity.Error, problem);
                    lastProblem = problem;
                }
            }
        }
    }

    /// <summary>Runs <paramref name="function"/> on the reactor thread, bounded in time, and cancelled with the feed.</summary>
    private Task<T> Fetch<T>(Func<T> function) =>
        _workspace.InvokeAsync(function).WaitAsync(_options.FetchTimeout, _time, _stop.Token);
}
