using Microsoft.Extensions.Logging;

namespace NetScope.Core.Defer;

/// <summary>Log messages of the Deferred machinery, with fixed event ids.</summary>
internal static partial class DeferLog
{
    /// <summary>The logger category of everything in this namespace.</summary>
    public const string Category = "NetScope.Core.Defer";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Critical, Message = "Unhandled error in Deferred {Deferred}: {FailureText}{DebugInfo}")]
    public static partial void UnhandledError(ILogger logger, Exception failure, string deferred, string failureText, string debugInfo);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Exception raised from a Deferred canceller in {Deferred}")]
    public static partial void CancellerFailed(ILogger logger, Exception exception, string deferred);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Deferred observer {Observer} threw; it has been detached")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer);
}
