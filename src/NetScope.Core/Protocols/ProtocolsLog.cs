using Microsoft.Extensions.Logging;

namespace NetScope.Core.Protocols;

/// <summary>Log messages of the protocol layer, with fixed event ids (3001-3099).</summary>
internal static partial class ProtocolsLog
{
    /// <summary>The logger category of the protocol layer.</summary>
    public const string Category = "NetScope.Core.Protocols";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Reconnecting to {Destination} in {DelaySeconds:0.###}s (attempt {Retry})")]
    public static partial void RetryScheduled(ILogger logger, string destination, double delaySeconds, int retry);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Giving up on {Destination} after {Retries} retries")]
    public static partial void RetriesExhausted(ILogger logger, string destination, int retries);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Not reconnecting to {Destination}: StopTrying was called")]
    public static partial void RetryAbandoned(ILogger logger, string destination);
}
