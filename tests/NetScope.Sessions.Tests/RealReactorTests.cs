using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>The workspace on a real reactor thread, driven from the test thread through its thread-safe commands, over loopback.</summary>
public sealed class RealReactorTests
{
    [Fact]
    public async Task CommandsFromAnotherThreadDriveASessionAgainstAListenerAndSnapshotsShowBothSides()
    {
        var (reactor, running) = await StartReactorThreadAsync();
        var workspace = await Workspace.CreateAsync(reactor);
        try
        {
            var listenerId = await workspace.StartListenerAsync(new TcpListenerStarter(new TcpListenerRequest(0)));
            var address = (await workspace.SnapshotAsync()).Listeners.Single().Address!;
            var sessionId = await workspace.OpenTcpAsync(new TcpSessionRequest(HostPort.Parse(address)));
            await workspace.InvokeAsync(() => workspace.FindSession(sessionId)!.WhenOpen().AsTask(post: reactor.CallFromThread)).Unwrap().WaitAsync(TimeSpan.FromSeconds(10));

            await workspace.SendLineAsync(sessionId, "hello");
            var accepted = await WaitFor(workspace, s => s.Sessions.FirstOrDefault(x => x.ListenerId == listenerId && x.Transcript.TotalReceived >= 7));
            await workspace.SendLineAsync(accepted.Id, "welcome");
            var client = await WaitFor(workspace, s => s.Sessions.FirstOrDefault(x => x.Id == sessionId && x.Transcript.TotalReceived >= 9));

            Assert.Equal(["hello\r\n"], Data(accepted, Direction.Received));
            Assert.Equal(["welcome\r\n"], Data(client, Direction.Received));
            Assert.Equal(SessionState.Open, client.State);
            Assert.Contains(client.Transports.Single().History, h => h.State == Core.Transports.TransportState.Established);
            Assert.NotNull(client.Timing.Find("first byte received")!.At);

            await workspace.CloseAsync(sessionId);
            var closed = await WaitFor(workspace, s => s.Sessions.FirstOrDefault(x => x.Id == sessionId && x.State == SessionState.Closed));
            Assert.Equal("connection closed", closed.EndReason);
        }
        finally
        {
            await workspace.InvokeAsync(workspace.Dispose);
            reactor.CallFromThread(reactor.Stop);
            running.Join(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task WorkSentToTheThreadPoolComesBackAttributedToTheSession()
    {
        var (reactor, running) = await StartReactorThreadAsync();
        var workspace = await Workspace.CreateAsync(reactor);
        try
        {
            var made = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Deferred? kept = null;
            var sessionId = await workspace.InvokeAsync(() =>
            {
                var listener = workspace.ListenTcp(new TcpListenerRequest(0));
                var session = workspace.OpenTcp(new TcpSessionRequest(HostPort.Parse(listener.Address!)));
                session.RunInScope(() => reactor.DeferToThread(() => Environment.CurrentManagedThreadId).AddCallback(_ =>
                {
                    // Kept alive: the model holds Deferreds weakly, and reads the label from the live one.
                    kept = new Deferred().WithLabel("made after the pool");
                    made.SetResult();
                    return null;
                }));
                return session.Id;
            });
            await made.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var snapshot = await workspace.SnapshotSessionAsync(sessionId, new SnapshotOptions { TranscriptEntries = 0 });
            Assert.Contains(snapshot!.Deferreds, d => d.Label == "made after the pool");
            GC.KeepAlive(kept);
        }
        finally
        {
            await workspace.InvokeAsync(workspace.Dispose);
            reactor.CallFromThread(reactor.Stop);
            running.Join(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>
    /// A reactor running on its own thread. Waits until it runs: before that, every thread counts as the reactor
    /// thread, so a command made in between would run inline on the test thread and race the reactor's start.
    /// </summary>
    private static async Task<(IReactor Reactor, Thread Running)> StartReactorThreadAsync()
    {
        var reactor = Reactors.Create();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reactor.CallWhenRunning(started.SetResult);
        var running = new Thread(reactor.Run) { IsBackground = true, Name = "test reactor" };
        running.Start();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return (reactor, running);
    }

    private static async Task<SessionSnapshot> WaitFor(Workspace workspace, Func<WorkspaceSnapshot, SessionSnapshot?> condition)
    {
        var subscription = workspace.Subscribe(1024);
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                if (condition(await workspace.SnapshotAsync()) is { } found)
                {
                    return found;
                }

                await subscription.WaitToReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
                subscription.ReadAll(new List<Events.WorkspaceEvent>());
            }

            throw new TimeoutException("The condition was never met.");
        }
        finally
        {
            subscription.Dispose();
        }
    }

    private static string[] Data(SessionSnapshot session, Direction direction) =>
        session.Transcript.Entries.Where(e => e.Direction == direction).Select(e => Encoding.ASCII.GetString(e.Data)).ToArray();
}
