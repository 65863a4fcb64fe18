namespace NetScope.Tui.App;

/// <summary>
/// Restores the terminal once, whatever ends the UI: <see cref="Restore"/> after the loop (the
/// application is disposed, which restores termios, leaves the alternate screen and turns the
/// mouse off; then <see cref="ResetSequence"/> turns off the keypad and cursor-key application
/// modes .NET's console leaves on). If the process dies of an exception no one caught (on any
/// thread), the terminal is restored first and <c>onUnhandled</c> decides how the process ends.
/// </summary>
internal sealed class TerminalGuard : IDisposable
{
    /// <summary>Leaves the alternate screen, turns mouse reporting off, shows the cursor, and resets cursor-key and keypad modes.</summary>
    public const string ResetSequence = "\u001b[?1049l\u001b[?1000l\u001b[?1002l\u001b[?1003l\u001b[?1006l\u001b[?25h\u001b[?1l\u001b>";

    private readonly Action _restore;
    private readonly Action<Exception>? _onUnhandled;
    private int _restored;

    public TerminalGuard(Action restore, Action<Exception>? onUnhandled = null)
    {
        _restore = restore ?? throw new ArgumentNullException(nameof(restore));
        _onUnhandled = onUnhandled;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
    }

    /// <summary>Writes <see cref="ResetSequence"/> to the terminal (not when stdout is redirected: it would land in a file).</summary>
    public static void WriteReset()
    {
        if (!Console.IsOutputRedirected)
        {
            Console.Out.Write(ResetSequence);
            Console.Out.Flush();
        }
    }

    /// <summary>The exception that brought the process down, if one did (the UI's loop may return before the runtime ends the process).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Restores the terminal now (once).</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }

        try
        {
            _restore();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The process is going down: what could be restored was.
        }
    }

    /// <inheritdoc/>
    public void Dispose() => AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;

    private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e)
    {
        var failure = e.ExceptionObject as Exception ?? new InvalidOperationException($"unhandled: {e.ExceptionObject}");
        Failure = failure;
        Restore();
        _onUnhandled?.Invoke(failure);
    }
}
