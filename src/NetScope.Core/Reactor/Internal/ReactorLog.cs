using Microsoft.Extensions.Logging;

namespace NetScope.Core.Reactor.Internal;

/// <summary>Log messages of the reactors, with fixed event ids.</summary>
internal static partial class ReactorLog
{
    public const string Category = "NetScope.Core.Reactor";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Unhandled exception in a timed call {Call}")]
    public static partial void TimedCallFailed(ILogger logger, Exception exception, string call);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Unhandled exception in a call from another thread")]
    public static partial void ThreadCallFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Unhandled exception in {Selectable}; closing it")]
    public static partial void SelectableFailed(ILogger logger, Exception exception, string selectable);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Unhandled exception in a {EventType} trigger ({Phase})")]
    public static partial void TriggerFailed(ILogger logger, Exception exception, string eventType, string phase);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Unhandled exception in protocol {Protocol}; dropping the connection")]
    public static partial void ProtocolFailed(ILogger logger, Exception exception, string protocol);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Cannot accept on {Port}: {Reason}")]
    public static partial void AcceptFailed(ILogger logger, string port, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "{Count} connection(s) still open after the {GraceSeconds}s shutdown grace period; aborting them")]
    public static partial void AbortingAfterGrace(ILogger logger, int count, double graceSeconds);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "Unhandled exception in a thread-pool work item")]
    public static partial void PoolWorkFailed(ILogger logger, Exception exception);
}
