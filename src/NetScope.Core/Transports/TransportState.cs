namespace NetScope.Core.Transports;

/// <summary>Where a transport is in its life, for views and traces.</summary>
public enum TransportState
{
    /// <summary>Looking up the host name.</summary>
    Resolving,

    /// <summary>The TCP connection attempt is in progress.</summary>
    Connecting,

    /// <summary>The TCP connection is up.</summary>
    Connected,

    /// <summary>The TLS handshake is in progress over the connection.</summary>
    TlsHandshaking,

    /// <summary>Ready for application data (after TLS, when there is TLS).</summary>
    Established,

    /// <summary>The peer has finished sending (FIN received); this side may still write.</summary>
    ReadClosed,

    /// <summary>This side has finished sending (FIN sent); the peer may still write.</summary>
    WriteClosed,

    /// <summary>Closing: flushing what is buffered before closing.</summary>
    Closing,

    /// <summary>Closed cleanly.</summary>
    Closed,

    /// <summary>Ended by an error (refused, reset, timed out, TLS failure, ...).</summary>
    Failed,
}
