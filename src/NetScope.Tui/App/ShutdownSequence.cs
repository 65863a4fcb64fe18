using NetScope.Sessions.Events;
using NetScope.Sessions.Snapshots;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.App;

/// <summary>
/// Quitting in order: first every listener stops accepting, then every open session is closed
/// (what it has buffered is sent first), and what has not closed within the grace period is
/// aborted. Bounded: it never waits longer than asked.
/// </summary>
internal static class ShutdownSequence
{
    /// <summary>What the sequence did.</summary>
    /// <param name="ListenersStopped">Listeners stopped.</param>
    /// <param name="SessionsClosed">Sessions closed cleanly in time.</param>
    /// <param name="SessionsAborted">Sessions aborted after the grace period.</param>
    public sealed record Outcome(int ListenersStopped, int SessionsClosed, int SessionsAborted);

    /// <summary>Runs the sequence on <paramref name="workspace"/>, giving sessions <paramref name="grace"/> to close.</summary>
    public static async Task<Outcome> RunAsync(Workspace workspace, TimeProvider time, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(time);
        using var deadline = new CancellationTokenSource(grace, time);
        using var events = workspace.Subscribe();
        var light = new SnapshotOptions { TranscriptEntries = 0, IncludeDeferreds = false };
        var snapshot = await workspace.SnapshotAsync(light).WaitAsync(deadline.Token).ConfigureAwait(false);
        var listeners = snapshot.Listeners.Where(l => l.State == ListenerState.Listening).Select(l => l.Id).ToArray();
        var stops = listeners.Select(id => workspace.StopListenerAsync(id)).ToArray();
        await Settle(Task.WhenAll(stops), deadline.Token).ConfigureAwait(false);

        var open = snapshot.Sessions.Where(s => s.EndTime is null).Select(s => s.Id).ToHashSet();
        foreach (var id in open)
        {
            _ = workspace.CloseAsync(id).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var closed = 0;
        while (open.Count > 0 && !deadline.IsCancellationRequested)
        {
            var batch = new List<WorkspaceEvent>();
            try
            {
                await events.WaitToReadAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (events.IsCompleted)
            {
                break;
            }

            events.ReadAll(batch);
            foreach (var ended in batch.OfType<SessionClosed>())
            {
                if (open.Remove(ended.SessionId))
                {
                    closed++;
                }
            }

            if (batch.OfType<EventsDropped>().Any())
            {
                var now = await workspace.SnapshotAsync(light).ConfigureAwait(false);
                var still = now.Sessions.Where(s => s.EndTime is null).Select(s => s.Id).ToHashSet();
                closed += open.Count(id => !still.Contains(id));
                open.IntersectWith(still);
            }
        }

        foreach (var id in open)
        {
            _ = workspace.AbortAsync(id).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return new Outcome(listeners.Length, closed, open.Count);
    }

    private static async Task Settle(Task task, CancellationToken cancellation)
    {
        try
        {
            await task.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            // A listener that would not stop in time, or had gone already: the reactor's own shutdown closes its port.
        }
    }
}
