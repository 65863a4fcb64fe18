using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetScope.Core.Logging;

/// <summary>
/// Where NetScope's engine sends its log: one process-wide <see cref="ILoggerFactory"/>
/// that front ends set at start-up (the CLI to stderr, the TUI to its Log pane, tests to a
/// capturing provider).
/// </summary>
public static class NetScopeLogging
{
    private static volatile ILoggerFactory _factory = NullLoggerFactory.Instance;

    /// <summary>The factory loggers come from. Defaults to one that discards everything.</summary>
    public static ILoggerFactory Factory
    {
        get => _factory;
        set => _factory = value ?? NullLoggerFactory.Instance;
    }

    /// <summary>Creates a logger for <paramref name="category"/> from the current <see cref="Factory"/>.</summary>
    public static ILogger CreateLogger(string category) => _factory.CreateLogger(category);
}
