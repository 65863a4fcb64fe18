using Microsoft.Extensions.Logging;

namespace NetScope.Web.Server;

/// <summary>The server's log messages, with fixed event ids.</summary>
internal static partial class ServerLog
{
    public const string Category = "NetScope.Web.Server";

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "{Entry}")]
    public static partial void Access(ILogger logger, HttpAccessLogEntry entry);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Rendering {Method} {Target} failed")]
    public static partial void RenderFailed(ILogger logger, Exception exception, string method, string target);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Refused a request from {Client}: {Error}")]
    public static partial void BadRequest(ILogger logger, string client, string error);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Method} {Target} wrote {Written} body bytes after declaring {Declared}; the connection is closed")]
    public static partial void LengthMismatch(ILogger logger, string method, string target, long written, long declared);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "An access log subscriber failed")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Reading {Path} failed while sending it")]
    public static partial void FileReadFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Refused static path {Path}: {Reason}")]
    public static partial void StaticRefused(ILogger logger, string path, string reason);
}
