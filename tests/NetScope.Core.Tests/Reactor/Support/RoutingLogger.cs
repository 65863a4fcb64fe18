using Microsoft.Extensions.Logging;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>A logger that records into the <see cref="LogCapture"/> of the execution context it logs from.</summary>
internal sealed class RoutingLogger : ILogger
{
    private readonly string _category;

    public RoutingLogger(string category)
    {
        _category = category;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => LogCapture.Current is not null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        LogCapture.Current?.Add(new LoggedEvent(logLevel, eventId, _category, formatter(state, exception), exception));
}
