using NetScope.Core.Reactor;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.App;

/// <summary>
/// The reactor on a thread of its own, with the workspace on it: the UI thread only draws, so
/// the network runs here, reached through the workspace's thread-safe commands.
/// </summary>
internal sealed class ReactorHost
{
    /// <summary>How much lower than the UI the reactor thread is scheduled (nice value added).</summary>
    public const int ReactorNiceness = 10;

    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReactorHost(IReactor reactor)
    {
        Reactor = reactor;
        _thread = new Thread(Loop) { IsBackground = true, Name = "netscope reactor" };
    }

    /// <summary>The reactor.</summary>
    public IReactor Reactor { get; }

    /// <summary>The workspace, created on the reactor thread.</summary>
    public Workspace Workspace { get; private set; } = null!;

    /// <summary>Why the reactor thread ended, if it ended by an exception.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Completes when the reactor has stopped.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>
    /// Creates the workspace, starts the reactor's thread and completes once the reactor runs
    /// there (from then on, commands from other threads go through <c>CallFromThread</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The reactor thread ended before the reactor ran.</exception>
    public static async Task<ReactorHost> StartAsync(IReactor reactor, WorkspaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reactor);

        // Before Run, any thread counts as the reactor's: create the workspace first, on this
        // thread, then hand the reactor to its own (creating it once that thread runs would race).
        // Returning only once it runs keeps callers from acting on it from their own thread in
        // between, as if they were the reactor thread.
        var host = new ReactorHost(reactor) { Workspace = new Workspace(reactor, options) };
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reactor.CallWhenRunning(running.SetResult);
        host._thread.Start();
        if (await Task.WhenAny(running.Task, host.Stopped).ConfigureAwait(false) != running.Task)
        {
            throw new InvalidOperationException("the reactor thread ended before the reactor ran", host.Failure);
        }

        return host;
    }

    /// <summary>
    /// Stops the reactor in order (it closes what is left, with its grace period) and waits for
    /// its thread, at most <paramref name="timeout"/>; returns whether it stopped in time.
    /// </summary>
    public bool Stop(TimeSpan timeout)
    {
        if (!_stopped.Task.IsCompleted)
        {
            Reactor.CallFromThread(() =>
            {
                Workspace.Dispose();
                try
                {
                    Reactor.Stop();
                }
                catch (ReactorNotRunningException)
                {
                    // Already stopping.
                }
            });
        }

        return _thread.Join(timeout);
    }

    private void Loop()
    {
        try
        {
            // A flood keeps this thread busy: it must lose to the UI and input threads, not the other way round.
            ThreadNiceness.Lower(ReactorNiceness);
            Reactor.Run();
        }
        catch (Exception exception)
        {
            Failure = exception;
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}
