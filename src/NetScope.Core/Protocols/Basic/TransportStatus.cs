using NetScope.Core.Transports;

namespace NetScope.Core.Protocols.Basic;

/// <summary>What framing protocols need to know about their transport's state.</summary>
internal static class TransportStatus
{
    /// <summary>
    /// Twisted's <c>transport.disconnecting</c>: the connection is being closed (or is closed),
    /// so input that arrived in the same read as the request to close is not delivered.
    /// </summary>
    public static bool IsDisconnecting(Protocol protocol) =>
        protocol.Connected && protocol.Transport.Stats.State is TransportState.Closing or TransportState.Closed or TransportState.Failed;
}
