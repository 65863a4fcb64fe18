using System.Net;
using NetScope.Core.Reactor;
using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Events;
using NetScope.Sessions.Health;
using NetScope.Sessions.Observation;
using NetScope.Sessions.Targets;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// The session model both front ends share: the sessions and listeners of one reactor, what
/// their transports and Deferreds are doing, the loop's health, and one event stream of it all.
/// </summary>
/// <remarks>
/// <para>
/// The workspace lives on the reactor thread: create it there (or before the reactor runs, or
/// with <see cref="CreateAsync"/>), and call its members without an <c>Async</c> suffix there
/// only. Any other thread uses the <c>...Async</c> commands, which go through
/// <c>CallFromThread</c>, reads bounded copies with <see cref="SnapshotAsync"/>, and follows
/// the event stream with <see cref="Subscribe"/>.
/// </para>
/// <para>
/// Times in events and snapshots are seconds since the workspace was created, on the reactor's clock.
/// </para>
/// </remarks>
public sealed partial class Workspace : IDisposable
{
    private readonly double _origin;
    private readonly LoopHealthSampler _health;
    private readonly object _shutdownTrigger;
    private long _nextEntryId;
    private bool _disposed;

    /// <summary>Creates a workspace over <paramref name="reactor"/>; call it on the reactor thread.</summary>
    public Workspace(IReactor reactor, WorkspaceOptions? options = null)
    {
        Reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Options = options ?? new WorkspaceOptions();
        CheckThread();
        _origin = reactor.Seconds();
        _health = new LoopHealthSampler(Options.HealthSamplesKept);
        Events = new EventHub();
        if (Options.ObserveDeferreds)
        {
            Deferreds = new DeferredTracker(this);
        }

        ObservationHub.Register(Options);
        ScheduleSampling();

        // Before the reactor closes ports and connections itself, stop the listeners through the
        // model, so that their stop (and the end of each accepted session) is recorded and traced.
        _shutdownTrigger = reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, StopListenersForShutdown);
    }

    /// <summary>The reactor the workspace's sessions run on.</summary>
    public IReactor Reactor { get; }

    /// <summary>The workspace's settings.</summary>
    public WorkspaceOptions Options { get; }

    /// <summary>Seconds since the workspace was created (reactor clock).</summary>
    public double Now => Reactor.Seconds() - _origin;

    internal EventHub Events { get; }

    internal DeferredTracker? Deferreds { get; private set; }

    /// <summary>Creates a workspace on <paramref name="reactor"/>'s thread, from any thread.</summary>
    public static Task<Workspace> CreateAsync(IReactor reactor, WorkspaceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        return Invoke(reactor, () => new Workspace(reactor, options));
    }

    /// <summary>
    /// Follows the event stream from now on, from any thread, through a queue of
    /// <paramref name="capacity"/> events (see <see cref="EventSubscription"/>).
    /// </summary>
    public EventSubscription Subscribe(int capacity = WorkspaceOptions.DefaultSubscriptionCapacity) => Events.Subscribe(capacity);

    /// <summary>
    /// Stops observing and sampling and ends every subscription. Sessions are not closed (the
    /// reactor's shutdown closes connections). Call it on the reactor thread, or after the reactor stopped.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_sampler is { } sampler && sampler.Active())
        {
            sampler.Cancel();
        }

        try
        {
            Reactor.RemoveSystemEventTrigger(_shutdownTrigger);
        }
        catch (ArgumentException)
        {
            // The shutdown has already run the trigger.
        }

        Deferreds?.FlushAnnouncements();
        Deferreds = null;
        ObservationHub.Unregister(Options);
        Events.Complete();
    }

    /// <summary>A reactor-clock time as seconds since the workspace was created.</summary>
    internal double FromReactorTime(double reactorSeconds) => reactorSeconds - _origin;

    /// <summary>Publishes <paramref name="next"/>, stamped with the current time, when anyone listens.</summary>
    internal void Publish(WorkspaceEvent next)
    {
        if (!Events.Active)
        {
            return;
        }

        next.Time = Now;
        Events.Publish(next);
    }

    /// <summary>The one-line reason an entry ended ("connection closed by peer", "connect 127.0.0.1:9: connection refused").</summary>
    internal static string DescribeEnd(Exception reason) => OutcomeText.OneLine(reason.Message);

    /// <summary>"127.0.0.1:7", "[::1]:443".</summary>
    internal static string Describe(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => new HostPort(ip.Address.ToString(), ip.Port).ToString(),
        DnsEndPoint dns => new HostPort(dns.Host, dns.Port).ToString(),
        null => "?",
        _ => endPoint.ToString() ?? "?",
    };

    private long NextEntryId() => ++_nextEntryId;

    private void CheckThread()
    {
        if (!Reactor.IsReactorThread)
        {
            throw new InvalidOperationException("This workspace member must be called on the reactor thread; use its ...Async form from other threads.");
        }
    }

    private void CheckNotDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static Task<T> Invoke<T>(IReactor reactor, Func<T> function)
    {
        if (reactor.IsReactorThread)
        {
            try
            {
                return Task.FromResult(function());
            }
            catch (Exception exception)
            {
                return Task.FromException<T>(exception);
            }
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        reactor.CallFromThread(() =>
        {
            try
            {
                completion.SetResult(function());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        });
        return completion.Task;
    }
}
