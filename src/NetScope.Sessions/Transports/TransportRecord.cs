using NetScope.Core.Transports;

namespace NetScope.Sessions.Transports;

/// <summary>A transport attributed to a session, with what was last published about its counters.</summary>
internal sealed class TransportRecord
{
    public TransportRecord(TransportStats stats, int layer)
    {
        Stats = stats;
        Layer = layer;
    }

    public TransportStats Stats { get; }

    public int Layer { get; }

    /// <summary>The layer's own details (TLS version, cipher, ...), read when a snapshot is taken.</summary>
    public Func<IReadOnlyList<KeyValuePair<string, string>>>? Details { get; set; }

    public long PublishedIn { get; set; }

    public long PublishedOut { get; set; }

    public long PublishedChunksIn { get; set; }

    public long PublishedChunksOut { get; set; }

    public long PublishedWriteBuffer { get; set; }

    public ProducerState PublishedProducer { get; set; }

    public bool PublishedReadingPaused { get; set; }

    /// <summary><see langword="true"/> when the counters moved since they were last published.</summary>
    public bool CountersChanged =>
        Stats.BytesReceived != PublishedIn || Stats.BytesSent != PublishedOut || Stats.WriteBufferSize != PublishedWriteBuffer
        || Stats.Producer != PublishedProducer || Stats.ReadingPaused != PublishedReadingPaused;
}
