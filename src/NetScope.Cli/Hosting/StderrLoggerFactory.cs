using Microsoft.Extensions.Logging;

namespace NetScope.Cli.Hosting;

/// <summary>
/// The engine's log in a command-line run: one line per record on stderr
/// (<c>netscope: warning: ...</c>), warnings and errors only, debug and up with <c>NETSCOPE_DEBUG=1</c>.
/// Records come from any thread (the reactor's, the finalizer's), so writes are serialized.
/// </summary>
internal sealed class StderrLoggerFactory : ILoggerFactory
{
    private readonly TextWriter _error;
    private readonly LogLevel _minimum;
    private readonly object _gate = new();

    /// <summary>Writes records of <paramref name="minimum"/> and above to <paramref name="error"/>.</summary>
    public StderrLoggerFactory(TextWriter error, LogLevel minimum)
    {
        _error = error ?? throw new ArgumentNullException(nameof(error));
        _minimum = minimum;
    }

    /// <summary>The factory for a run: warnings and up, or debug and up when <paramref name="debug"/>.</summary>
    public static StderrLoggerFactory For(TextWriter error, bool debug) => new(error, debug ? LogLevel.Debug : LogLevel.Warning);

    /// <summary>One record as the line written for it (without the line ending).</summary>
    public static string Format(LogLevel level, string category, string message, Exception? exception)
    {
        var text = CliErrors.OneLine(message);
        if (exception is not null && !text.Contains(exception.Message, StringComparison.Ordinal))
        {
            text += $": {exception.GetType().Name}: {CliErrors.OneLine(exception.Message)}";
        }

        var name = category[(category.LastIndexOf('.') + 1)..];
        return $"{CliErrors.Prefix}{LevelName(level)}: {text} [{name}]";
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc/>
    /// <remarks>Ignored: a command-line run has one destination for its log, stderr.</remarks>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private void Write(string line)
    {
        lock (_gate)
        {
            _error.WriteLine(line);
            _error.Flush();
        }
    }

    private sealed class Logger : ILogger
    {
        private readonly StderrLoggerFactory _owner;
        private readonly string _category;

        public Logger(StderrLoggerFactory owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _owner._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            ArgumentNullException.ThrowIfNull(formatter);
            _owner.Write(Format(logLevel, _category, formatter(state, exception), exception));
        }
    }
}
