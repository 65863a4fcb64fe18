using System.Runtime.InteropServices;

namespace NetScope.Tui.App;

/// <summary>
/// SIGTERM, SIGINT and SIGHUP end the UI the way Ctrl+Q does (without asking): the loop stops,
/// the terminal is restored, listeners stop and sessions close in order, and the process exits
/// with 128 + the signal's number (143, 130, 129). The runtime's own handling is cancelled: it
/// would end the process with the terminal still raw, on the alternate screen, mouse on.
/// If the orderly path has not finished within <see cref="Patience"/>, or a second signal comes,
/// the terminal is restored and the process ends at once.
/// </summary>
internal sealed class SignalShutdown : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly ManualResetEventSlim _finished = new();
    private readonly object _gate = new();
    private Action? _stop;
    private Action? _restore;
    private int? _exitCode;

    /// <summary>Registers the handlers (none are registered when <paramref name="register"/> is false: tests call <see cref="Handle"/>).</summary>
    public SignalShutdown(bool register = true, TimeSpan? patience = null)
    {
        Patience = patience ?? TimeSpan.FromSeconds(15);
        if (!register)
        {
            return;
        }

        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Handle(context.Signal);
            }));
        }
    }

    /// <summary>How long the orderly shutdown may take before the process is ended anyway.</summary>
    public TimeSpan Patience { get; }

    /// <summary>128 + the number of the first signal received, or <see langword="null"/>.</summary>
    public int? ExitCode
    {
        get
        {
            lock (_gate)
            {
                return _exitCode;
            }
        }
    }

    /// <summary>The exit code for <paramref name="signal"/> by the shell's convention: 128 + its number.</summary>
    public static int ExitCodeOf(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 129,
        PosixSignal.SIGINT => 130,
        PosixSignal.SIGQUIT => 131,
        PosixSignal.SIGTERM => 143,
        _ => 1,
    };

    /// <summary>
    /// Says how to stop the UI (<paramref name="stop"/>, from any thread: it posts to the UI loop)
    /// and how to restore the terminal as a last resort. A signal that came before is acted on now.
    /// </summary>
    public void Arm(Action stop, Action restore)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(restore);
        bool pending;
        lock (_gate)
        {
            _stop = stop;
            _restore = restore;
            pending = _exitCode is not null;
        }

        if (pending)
        {
            TryStop(stop);
        }
    }

    /// <summary>The UI has gone (the terminal is restored): a signal from now on only sets the exit code.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _stop = null;
            _restore = null;
        }
    }

    /// <summary>The orderly shutdown is over: the watchdog stands down.</summary>
    public void Finished() => _finished.Set();

    /// <summary>Acts on <paramref name="signal"/>: the first one stops the UI (with a watchdog), a second one ends the process.</summary>
    public void Handle(PosixSignal signal)
    {
        Action? stop;
        Action? restore;
        bool first;
        lock (_gate)
        {
            first = _exitCode is null;
            _exitCode ??= ExitCodeOf(signal);
            stop = _stop;
            restore = _restore;
        }

        if (!first)
        {
            EndNow(restore);
            return;
        }

        if (stop is not null)
        {
            TryStop(stop);
        }

        new Thread(() =>
        {
            if (!_finished.Wait(Patience))
            {
                EndNow(_restore);
            }
        })
        {
            IsBackground = true,
            Name = "netscope signal watchdog",
        }.Start();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _finished.Set();
    }

    private static void TryStop(Action stop)
    {
        try
        {
            stop();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            // The UI is not running (yet, or any more): the shutdown that follows it needs no push.
        }
    }

    private void EndNow(Action? restore)
    {
        try
        {
            restore?.Invoke();
        }
        finally
        {
            Environment.Exit(ExitCode ?? 1);
        }
    }
}
