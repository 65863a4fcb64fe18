using NetScope.Tui.Model;

namespace NetScope.Tui.App;

/// <summary>
/// What the UI loop does with an exception from a view or a timer: a lone failure is logged and
/// the loop goes on (one bad frame must not lose the user's sessions); failures that keep coming
/// (<see cref="MaxFailures"/> within <see cref="Window"/>) end the loop, so the terminal is
/// restored and the error printed instead of a screen that cannot draw.
/// </summary>
internal sealed class UiErrorPolicy
{
    private readonly TimeProvider _time;
    private readonly LogModel _log;
    private readonly Queue<long> _recent = new();

    public UiErrorPolicy(TimeProvider time, LogModel log, int maxFailures = 10, TimeSpan? window = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        MaxFailures = maxFailures;
        Window = window ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>Failures tolerated within <see cref="Window"/>.</summary>
    public int MaxFailures { get; }

    /// <summary>The window failures are counted in.</summary>
    public TimeSpan Window { get; }

    /// <summary>The failure that ended the loop, if one did.</summary>
    public Exception? Fatal { get; private set; }

    /// <summary>The loop's error handler: <see langword="true"/> to go on, <see langword="false"/> to end the loop with <paramref name="exception"/>.</summary>
    public bool Handle(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = _time.GetTimestamp();
        _recent.Enqueue(now);
        while (_recent.Count > 0 && _time.GetElapsedTime(_recent.Peek(), now) > Window)
        {
            _recent.Dequeue();
        }

        if (_recent.Count > MaxFailures)
        {
            Fatal = exception;
            return false;
        }

        _log.Add(LogSeverity.Error, $"the display failed and carries on: {exception.GetType().Name}: {exception.Message}");
        return true;
    }
}
