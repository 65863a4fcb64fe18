using System.Diagnostics;
using NetScope.Core.Reactor;
using NetScope.Sessions.Events;
using NetScope.Tui.App;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

/// <summary>A real reactor on its own thread with a workspace, its feed (not looping: tests refresh it) and commands.</summary>
internal sealed class LiveWorkspace : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly EventSubscription _changes;

    private LiveWorkspace(ReactorHost host, WorkspaceFeed feed, LogModel log)
    {
        Host = host;
        Feed = feed;
        Log = log;
        Commands = new WorkspaceCommands(host.Workspace, log);
        Catalog = new KindCatalog(TimeProvider.System);
        _changes = host.Workspace.Subscribe(1024);
    }

    public ReactorHost Host { get; }

    public WorkspaceFeed Feed { get; }

    public LogModel Log { get; }

    public WorkspaceCommands Commands { get; }

    public KindCatalog Catalog { get; }

    public static async Task<LiveWorkspace> StartAsync(FeedOptions? options = null)
    {
        var host = await ReactorHost.StartAsync(Reactors.Create());
        var log = new LogModel(TimeProvider.System);
        var feed = new WorkspaceFeed(host.Workspace, TimeProvider.System, log, options);
        await feed.StartAsync(run: false);
        return new LiveWorkspace(host, feed, log);
    }

    /// <summary>Starts a listener of <paramref name="kind"/> on a free loopback port; returns its number and address.</summary>
    public async Task<(long Id, string Address)> ListenAsync(string kind, bool line = true)
    {
        var id = await Commands.Listen(Catalog, new ListenRequest(kind, "127.0.0.1", 0, line));
        var snapshot = await Host.Workspace.SnapshotAsync(new Sessions.Snapshots.SnapshotOptions { TranscriptEntries = 0 });
        return (id, snapshot.Listeners.Single(l => l.Id == id).Address!);
    }

    /// <summary>Completes once session <paramref name="id"/> is open.</summary>
    public async Task WhenOpenAsync(long id)
    {
        var workspace = Host.Workspace;
        var open = await workspace.InvokeAsync(() => workspace.FindSession(id)!.WhenOpen().AsTask(post: Host.Reactor.CallFromThread));
        await open.WaitAsync(Patience);
    }

    /// <summary>
    /// Refreshes the feed until <paramref name="condition"/> holds for the newest frame, waiting for
    /// workspace events in between (bounded). Blocks: usable between a test's Begin and End.
    /// </summary>
    public ModelFrame RefreshUntil(Func<ModelFrame, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var frame = Feed.RefreshAsync().GetAwaiter().GetResult();
            if (condition(frame))
            {
                return frame;
            }

            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"never saw {what}");
            }

            // Wait for the workspace to do something (or the sampler's next tick) before looking again.
            _changes.WaitToReadAsync().Wait(TimeSpan.FromMilliseconds(300));
            _changes.ReadAll(new List<WorkspaceEvent>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        _changes.Dispose();
        await Feed.DisposeAsync();
        Host.Stop(Patience);
    }
}
