using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Reactor;
using NetScope.Core.Time;

namespace NetScope.Testing;

/// <summary>
/// A reactor for tests that does no I/O (Twisted's <c>MemoryReactorClock</c>): TCP calls are
/// recorded (<see cref="TcpServers"/>, <see cref="TcpClients"/>) so a test can accept, complete
/// or fail connections by hand; time is a <see cref="Testing.Clock"/> moved with
/// <see cref="Advance"/>; calls from other threads wait until <see cref="RunThreadCalls"/>.
/// </summary>
/// <remarks>
/// <see cref="Run"/> does not block: it fires "startup", runs the <see cref="CallWhenRunning"/>
/// calls and returns, leaving the reactor running until <see cref="Stop"/> (whose "shutdown"
/// sequence waits for the Deferreds its triggers return) or <see cref="Crash"/>.
/// </remarks>
public sealed partial class MemoryReactor : IReactor
{
    private readonly List<Action> _whenRunning = [];
    private bool _stopping;

    /// <summary>Creates the reactor, with its time on <paramref name="clock"/> (a new <see cref="Testing.Clock"/> if omitted).</summary>
    public MemoryReactor(Clock? clock = null)
    {
        Clock = clock ?? new Clock();
        _ownerThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>The clock all of the reactor's time comes from.</summary>
    public Clock Clock { get; }

    /// <inheritdoc/>
    public string Name => "memory";

    /// <inheritdoc/>
    public bool Running { get; private set; }

    /// <summary><see langword="true"/> once <see cref="Run"/> has been called.</summary>
    public bool HasRun { get; private set; }

    /// <summary><see langword="true"/> once a <see cref="Stop"/> has completed its shutdown sequence.</summary>
    public bool HasStopped { get; private set; }

    /// <summary><see langword="true"/> once <see cref="Crash"/> has been called.</summary>
    public bool HasCrashed { get; private set; }

    /// <summary>Host names <see cref="Resolve"/> knows; a name not here fails with <see cref="HostNotFoundException"/>.</summary>
    public Dictionary<string, IPAddress[]> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public double Seconds() => Clock.Seconds();

    /// <inheritdoc/>
    public IDelayedCall CallLater(double delaySeconds, Action callable) => Clock.CallLater(delaySeconds, callable);

    /// <inheritdoc/>
    public IReadOnlyList<IDelayedCall> GetDelayedCalls() => Clock.GetDelayedCalls();

    /// <summary>Moves the clock forward by <paramref name="seconds"/>, running the calls that become due.</summary>
    public void Advance(double seconds) => Clock.Advance(seconds);

    /// <summary>Fires "startup", runs the calls queued by <see cref="CallWhenRunning"/> and returns; the reactor stays running.</summary>
    /// <exception cref="ReactorAlreadyRunningException">The reactor is running or has run.</exception>
    public void Run()
    {
        if (Running || HasRun)
        {
            throw new ReactorAlreadyRunningException();
        }

        Running = true;
        HasRun = true;
        FireSystemEvent(SystemEvents.Startup);
        while (_whenRunning.Count > 0 && Running)
        {
            var call = _whenRunning[0];
            _whenRunning.RemoveAt(0);
            call();
        }
    }

    /// <summary>Fires "shutdown"; once its phases have completed the reactor is no longer running.</summary>
    /// <exception cref="ReactorNotRunningException">The reactor is not running or is already stopping.</exception>
    public void Stop()
    {
        if (!Running || _stopping)
        {
            throw new ReactorNotRunningException();
        }

        _stopping = true;
        FireEvent(SystemEvents.Shutdown).AddBoth(result =>
        {
            Running = false;
            _stopping = false;
            HasStopped = true;
            return result;
        });
    }

    /// <inheritdoc/>
    public void Crash()
    {
        Running = false;
        HasCrashed = true;
    }

    /// <inheritdoc/>
    public void CallWhenRunning(Action callable)
    {
        ArgumentNullException.ThrowIfNull(callable);
        if (Running)
        {
            callable();
        }
        else
        {
            _whenRunning.Add(callable);
        }
    }

    /// <summary>
    /// Resolves at once: an IP literal to itself, a name in <see cref="Hosts"/> to its
    /// addresses; any other name fails with <see cref="HostNotFoundException"/>.
    /// </summary>
    public Deferred<IPAddress[]> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new Deferred<IPAddress[]>();
        if (IPAddress.TryParse(name, out var literal))
        {
            result.Callback([literal]);
        }
        else if (Hosts.TryGetValue(name, out var addresses))
        {
            result.Callback(addresses);
        }
        else
        {
            result.Errback(new HostNotFoundException($"host not found: {name}"));
        }

        return result;
    }

    /// <inheritdoc/>
    public ReactorHealth GetHealth()
    {
        var calls = Clock.GetDelayedCalls();
        var now = Clock.Seconds();
        var next = new List<PendingCallInfo>();
        foreach (var call in calls.Take(5))
        {
            var description = call is DelayedCall delayed ? delayed.Describe() : call.ToString() ?? call.GetType().Name;
            next.Add(new PendingCallInfo(description, call.GetTime() - now));
        }

        return new ReactorHealth(
            Time: now,
            Iterations: 0,
            LastTimerLagSeconds: 0,
            MaxTimerLagSeconds: 0,
            Readers: 0,
            Writers: 0,
            PendingDelayedCalls: calls.Count,
            NextCalls: next,
            ThreadCallQueueDepth: _threadCalls.Count,
            ThreadPoolQueueDepth: PendingThreadPoolWork,
            ThreadPoolBusyThreads: 0,
            ThreadPoolThreads: ThreadPoolSize);
    }
}
