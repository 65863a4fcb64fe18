using Microsoft.Extensions.Logging;
using NetScope.Core.Logging;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// What the engine logs during one test (Twisted trial's logged-error check): errors the
/// reactor swallows to keep running (a protocol that threw, an assertion failing inside a
/// callback) fail the test unless the test flushes them as expected. The capture follows the
/// execution context, so the reactor thread and the pool threads it starts log into the
/// capture of the test that started them.
/// </summary>
internal sealed class LogCapture
{
    private static readonly AsyncLocal<LogCapture?> CurrentCapture = new();
    private readonly List<LoggedEvent> _events = new();

    /// <summary>The capture of the test running on this execution context, if any.</summary>
    public static LogCapture? Current
    {
        get => CurrentCapture.Value;
        set => CurrentCapture.Value = value;
    }

    /// <summary>Routes the engine's loggers to <see cref="Current"/> (once per process).</summary>
    public static void InstallRouting()
    {
        if (NetScopeLogging.Factory is not RoutingLoggerFactory)
        {
            NetScopeLogging.Factory = new RoutingLoggerFactory();
        }
    }

    public void Add(LoggedEvent logged)
    {
        lock (_events)
        {
            _events.Add(logged);
        }
    }

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<LoggedEvent> Snapshot()
    {
        lock (_events)
        {
            return _events.ToArray();
        }
    }

    /// <summary>Removes and returns the errors logged with a <typeparamref name="TException"/>.</summary>
    public IReadOnlyList<LoggedEvent> FlushErrors<TException>()
        where TException : Exception
    {
        lock (_events)
        {
            var flushed = _events.Where(e => e.Level >= LogLevel.Error && e.Exception is TException).ToArray();
            _events.RemoveAll(e => flushed.Contains(e));
            return flushed;
        }
    }

    /// <summary>Fails if anything was logged at error level and not flushed.</summary>
    public void AssertNoErrors()
    {
        var errors = Snapshot().Where(e => e.Level >= LogLevel.Error).ToArray();
        if (errors.Length > 0)
        {
            Assert.Fail("The engine logged errors the test did not expect:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
    }
}
