using NetScope.Core.Transports;

namespace NetScope.Sessions.Transports;

/// <summary>A copy of one transport's state and counters, safe to read on any thread.</summary>
public sealed record TransportSnapshot
{
    /// <summary>The transport's process-unique number.</summary>
    public required long Id { get; init; }

    /// <summary>"tcp", "tls", ...</summary>
    public required string Kind { get; init; }

    /// <summary>0 for the session's bottom transport, 1 for one layered on it (TLS over TCP), ...</summary>
    public required int Layer { get; init; }

    /// <summary>The current state.</summary>
    public required TransportState State { get; init; }

    /// <summary>Every state entered, oldest first, with times in seconds since the workspace started.</summary>
    public required IReadOnlyList<TransportStateChange> History { get; init; }

    /// <summary>The local address, once known.</summary>
    public string? Local { get; init; }

    /// <summary>The remote address, once known.</summary>
    public string? Remote { get; init; }

    /// <summary>Bytes received.</summary>
    public required long BytesReceived { get; init; }

    /// <summary>Bytes sent.</summary>
    public required long BytesSent { get; init; }

    /// <summary>Reads that delivered data.</summary>
    public required long ChunksReceived { get; init; }

    /// <summary>Writes handed down.</summary>
    public required long ChunksSent { get; init; }

    /// <summary>Bytes written and not yet sent.</summary>
    public required long WriteBufferSize { get; init; }

    /// <summary>The write-buffer size above which a streaming producer is paused.</summary>
    public required long HighWaterMark { get; init; }

    /// <summary>The write-buffer size under which a paused producer is resumed.</summary>
    public required long LowWaterMark { get; init; }

    /// <summary>The registered producer's state.</summary>
    public required ProducerState Producer { get; init; }

    /// <summary>Whether reading is paused.</summary>
    public required bool ReadingPaused { get; init; }

    /// <summary>Why it closed or failed, once it has.</summary>
    public string? EndReason { get; init; }

    /// <summary>When the first bytes arrived (seconds since the workspace started).</summary>
    public double? FirstByteReceived { get; init; }

    /// <summary>When the first bytes went out (seconds since the workspace started).</summary>
    public double? FirstByteSent { get; init; }

    /// <summary>
    /// What the layer itself reports, as name/value pairs in its own order: for TLS the version,
    /// cipher suite, ALPN protocol, server name and certificate; empty for plain TCP.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
