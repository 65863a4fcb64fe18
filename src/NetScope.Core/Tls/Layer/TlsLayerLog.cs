using Microsoft.Extensions.Logging;

namespace NetScope.Core.Tls.Layer;

/// <summary>The TLS layer's log messages, with fixed event ids (4001-4099).</summary>
internal static partial class TlsLayerLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "NetScope.Tls";

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Unhandled exception in protocol {Protocol} over TLS; dropping the connection")]
    public static partial void ProtocolFailed(ILogger logger, Exception exception, string protocol);
}
