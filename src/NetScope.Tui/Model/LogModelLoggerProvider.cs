using Microsoft.Extensions.Logging;

namespace NetScope.Tui.Model;

/// <summary>
/// Sends the engine's log (<c>NetScopeLogging.Factory</c>) to the Log tab: nothing may be written
/// to the terminal while the TUI draws on it.
/// </summary>
internal sealed class LogModelLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly LogModel _log;
    private readonly LogLevel _minimum;

    public LogModelLoggerProvider(LogModel log, LogLevel minimum = LogLevel.Information)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _minimum = minimum;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly LogModelLoggerProvider _owner;
        private readonly string _category;

        public Logger(LogModelLoggerProvider owner, string category)
        {
            _owner = owner;
            var dot = category.LastIndexOf('.');
            _category = dot < 0 ? category : category[(dot + 1)..];
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= _owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var severity = logLevel >= LogLevel.Error ? LogSeverity.Error : logLevel == LogLevel.Warning ? LogSeverity.Warning : LogSeverity.Info;
            var text = formatter(state, exception);
            _owner._log.Add(severity, exception is null ? $"{_category}: {text}" : $"{_category}: {text}: {exception.Message}");
        }
    }
}
