using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Time;

namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// What every reactor shares (Twisted's <c>ReactorBase</c>/<c>PosixReactorBase</c>): the main
/// loop, timed calls, calls from other threads, the thread pool, system events and the
/// orderly shutdown, and TCP on top of <see cref="ReactorSocket"/>. A subclass supplies
/// readiness notification (<see cref="Poll"/>) and sockets.
/// </summary>
internal abstract partial class ReactorBase : IReactor
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly TimerQueue _timers;
    private bool _started;
    private bool _running;
    private bool _stopping;
    private bool _justStopped;
    private bool _crashed;
    private Thread? _thread;
    private long _iterations;
    private double _lastTimerLag;
    private double _maxTimerLag;

    protected ReactorBase(string name, ReactorOptions? options)
    {
        Name = name;
        Options = options ?? new ReactorOptions();
        Logger = NetScopeLogging.CreateLogger(ReactorLog.Category);
        _timers = new TimerQueue(Seconds);
        ReadBuffer = new byte[Options.ReadBufferSize];
        _pool = new ReactorThreadPool(name, Options.MaxPoolThreads, Logger);

        // As in Twisted, the reactor counts as running from the first "during startup" trigger:
        // "before startup" triggers run (and CallWhenRunning waits) while it is not yet.
        AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Startup, () =>
        {
            _running = true;
            return null;
        });
        AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Shutdown, ShutDownNetwork);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The reactor's settings.</summary>
    public ReactorOptions Options { get; }

    /// <summary>Where the reactor logs.</summary>
    internal ILogger Logger { get; }

    /// <summary>The one buffer every read lands in: protocols get a span of it and copy what they keep.</summary>
    internal byte[] ReadBuffer { get; }

    /// <inheritdoc/>
    public bool Running => _running && !_crashed;

    /// <inheritdoc/>
    public bool IsReactorThread => _thread is null || _thread == Thread.CurrentThread;

    /// <inheritdoc/>
    public double Seconds() => (Stopwatch.GetTimestamp() - _startTimestamp) / (double)Stopwatch.Frequency;

    /// <inheritdoc/>
    public IDelayedCall CallLater(double delaySeconds, Action callable) => _timers.Schedule(delaySeconds, callable);

    /// <inheritdoc/>
    public IReadOnlyList<IDelayedCall> GetDelayedCalls() => _timers.Snapshot();

    /// <inheritdoc/>
    public void Run()
    {
        if (_started)
        {
            throw new ReactorAlreadyRunningException("The reactor is running or has run; reactors cannot be restarted.");
        }

        _started = true;
        _thread = Thread.CurrentThread;
        try
        {
            FireSystemEvent(SystemEvents.Startup);
            while (!_crashed)
            {
                RunUntilCurrent();
                if (_crashed)
                {
                    break;
                }

                Poll(ComputeTimeoutMilliseconds());
                _iterations++;
            }
        }
        finally
        {
            _pool.Dispose();
            DisposeBackend();
        }
    }

    /// <inheritdoc/>
    public void Stop()
    {
        if (!_started || _stopping || _crashed)
        {
            throw new ReactorNotRunningException("Can't stop a reactor that isn't running.");
        }

        _stopping = true;
        _justStopped = true;
        WakeUp();
    }

    /// <inheritdoc/>
    public void Crash()
    {
        _crashed = true;
        WakeUp();
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
            AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Startup, () =>
            {
                callable();
                return null;
            });
        }
    }

    /// <inheritdoc/>
    public Deferred<IPAddress[]> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var literal = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        if (IPAddress.TryParse(literal, out var address))
        {
            return Deferred.Succeed(new[] { address });
        }

        var resolved = new Deferred<IPAddress[]>();
        Dns.GetHostAddressesAsync(name).ContinueWith(
            task => CallFromThread(() =>
            {
                if (task.IsCompletedSuccessfully && task.Result.Length > 0)
                {
                    resolved.Callback(task.Result);
                }
                else
                {
                    var reason = task.Exception?.InnerException is SocketException socketError ? DescribeResolveError(socketError) : "no addresses";
                    resolved.Errback(new Errors.HostNotFoundException($"resolve {name}: host not found ({reason})"));
                }
            }),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return resolved;
    }

    /// <inheritdoc/>
    public ReactorHealth GetHealth()
    {
        var now = Seconds();
        var next = _timers.Snapshot().Take(5).Select(c => new PendingCallInfo(c.Describe(), Math.Max(0, c.GetTime() - now))).ToArray();
        var health = new ReactorHealth(
            now,
            _iterations,
            _lastTimerLag,
            _maxTimerLag,
            ReaderCount,
            WriterCount,
            _timers.Count,
            next,
            _threadCalls.Count,
            _pool.QueueDepth,
            _pool.BusyThreads,
            _pool.ThreadCount);
        _maxTimerLag = 0;
        return health;
    }

    /// <summary>Descriptors currently watched for reading.</summary>
    internal int ReaderCount { get; set; }

    /// <summary>Descriptors currently watched for writing.</summary>
    internal int WriterCount { get; set; }

    /// <summary>Waits up to <paramref name="timeoutMs"/> (-1: forever) for readiness and dispatches it.</summary>
    protected abstract void Poll(int timeoutMs);

    /// <summary>Interrupts a <see cref="Poll"/> in progress from any thread.</summary>
    protected abstract void WakeUp();

    /// <summary>Releases the readiness mechanism after the loop ends.</summary>
    protected abstract void DisposeBackend();

    /// <summary>Starts watching <paramref name="selectable"/>.</summary>
    internal abstract void Register(Selectable selectable, bool read, bool write);

    /// <summary>Changes what is watched for <paramref name="selectable"/>.</summary>
    internal abstract void UpdateInterest(Selectable selectable, bool read, bool write);

    /// <summary>Stops watching <paramref name="selectable"/> (before its socket is closed).</summary>
    internal abstract void Unregister(Selectable selectable);

    /// <summary>Creates a non-blocking TCP socket of <paramref name="family"/>.</summary>
    internal abstract ReactorSocket CreateTcpSocket(AddressFamily family, out SocketError error);

    /// <summary>Creates a non-blocking socket bound to <paramref name="endpoint"/> and listening.</summary>
    internal abstract ReactorSocket? CreateListener(IPEndPoint endpoint, int backlog, out SocketError error);

    /// <summary>Calls the handlers of one ready selectable, containing any failure to it.</summary>
    protected void Dispatch(Selectable selectable, bool readable, bool writable)
    {
        try
        {
            if (readable && selectable.WatchRead)
            {
                selectable.OnReadable();
            }

            if (writable && selectable.Slot >= 0 && selectable.WatchWrite)
            {
                selectable.OnWritable();
            }
        }
        catch (Exception exception)
        {
            ReactorLog.SelectableFailed(Logger, exception, selectable.Describe());
            selectable.OnCallbackFailed(exception);
        }
    }

    private void RunUntilCurrent()
    {
        RunThreadCalls();
        if (_timers.Count > 0)
        {
            var now = Seconds();
            if (_timers.NextDueTime is { } due && due <= now)
            {
                // The earliest due call of the batch is the latest to run: its lateness is the lag.
                var lag = now - due;
                _timers.RunDue(now, onlyExisting: true, onError: OnTimedCallFailed);
                _lastTimerLag = lag;
                _maxTimerLag = Math.Max(_maxTimerLag, lag);
            }
        }

        if (_justStopped)
        {
            _justStopped = false;
            FireSystemEvent(SystemEvents.Shutdown);
        }
    }

    private void OnTimedCallFailed(DelayedCall call, Exception exception) =>
        ReactorLog.TimedCallFailed(Logger, exception, call.Describe());

    private int ComputeTimeoutMilliseconds()
    {
        if (!_threadCalls.IsEmpty || _justStopped || _crashed)
        {
            return 0;
        }

        var due = _timers.NextDueTime;
        if (due is null)
        {
            return -1;
        }

        var seconds = due.Value - Seconds();
        if (seconds <= 0)
        {
            return 0;
        }

        // Round up so a timer is never polled for a hair early and then spun on.
        return (int)Math.Min(int.MaxValue, Math.Ceiling(seconds * 1000));
    }

    private static string DescribeResolveError(SocketException exception) => exception.SocketErrorCode switch
    {
        SocketError.HostNotFound => "no such host",
        SocketError.NoData => "no address for the name",
        SocketError.TryAgain => "temporary failure in name resolution",
        _ => exception.Message,
    };
}
