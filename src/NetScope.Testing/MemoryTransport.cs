using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Testing;

/// <summary>
/// One end of a <see cref="ConnectedPair"/>: a transport that behaves like a TCP connection's
/// (ordered bytes, a write buffer with a high-water mark that pauses a streaming producer,
/// pull producers asked for a chunk when the buffer is empty, pausable reading, graceful and
/// abortive close, half-close) but moves bytes only when the pair is pumped.
/// </summary>
public sealed class MemoryTransport : ITcpTransport
{
    private readonly Queue<byte[]> _outgoing = new();
    private int _headOffset;
    private long _buffered;
    private IProducer? _producer;
    private bool _streaming;
    private bool _producerPaused;
    private long _highWaterMark = 64 * 1024;

    internal MemoryTransport(IProtocol protocol, bool isServer, EndPoint host, EndPoint peer, IReactorTime clock)
    {
        Protocol = protocol;
        IsServer = isServer;
        Host = host;
        PeerAddress = peer;
        Stats = new TransportStats(clock, "memory", TransportState.Established)
        {
            Local = host,
            Remote = peer,
            HighWaterMark = _highWaterMark,
        };
    }

    /// <summary>The protocol this transport delivers to.</summary>
    public IProtocol Protocol { get; }

    /// <summary><see langword="true"/> for the accepting side.</summary>
    public bool IsServer { get; }

    /// <summary>This side's address.</summary>
    public EndPoint Host { get; }

    /// <summary>The other side's address.</summary>
    public EndPoint PeerAddress { get; }

    /// <summary>Bytes written and not yet delivered to the peer.</summary>
    public long BufferedBytes => _buffered;

    /// <summary>The write-buffer size above which a streaming producer is paused (it is resumed once the buffer is empty).</summary>
    /// <remarks>Defaults to 64 KiB.</remarks>
    public long HighWaterMark
    {
        get => _highWaterMark;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _highWaterMark = value;
            Stats.HighWaterMark = value;
        }
    }

    /// <summary>The registered producer, if any.</summary>
    public IProducer? Producer => _producer;

    /// <summary><see langword="true"/> while the protocol has paused reading: arriving bytes wait.</summary>
    public bool ReadingPaused { get; private set; }

    /// <summary><see langword="true"/> once the protocol has stopped reading for good.</summary>
    public bool ReadingStopped { get; private set; }

    /// <summary><see langword="true"/> once <see cref="LoseConnection"/> (or <see cref="AbortConnection"/>) has been called.</summary>
    public bool Disconnecting { get; private set; }

    /// <summary><see langword="true"/> once <see cref="AbortConnection"/> has been called.</summary>
    public bool Aborted { get; private set; }

    /// <summary><see langword="true"/> once <see cref="LoseWriteConnection"/> has been called.</summary>
    public bool WriteShutdownRequested { get; private set; }

    /// <summary><see langword="true"/> once this side's FIN has reached the peer.</summary>
    public bool WriteClosed { get; private set; }

    /// <summary><see langword="true"/> once the protocol has been told the connection is lost.</summary>
    public bool Closed { get; private set; }

    /// <summary>Why the connection was lost, once it has been.</summary>
    public Failure? LostReason { get; private set; }

    /// <inheritdoc/>
    public TransportStats Stats { get; }

    /// <inheritdoc/>
    public bool NoDelay { get; set; }

    /// <inheritdoc/>
    public bool KeepAlive { get; set; }

    internal bool HasOutgoing => _buffered > 0;

    /// <summary>Queues <paramref name="data"/> for the peer. Ignored once closed, aborted or half-closed.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (Closed || Aborted || WriteShutdownRequested || data.IsEmpty)
        {
            return;
        }

        _outgoing.Enqueue(data.ToArray());
        _buffered += data.Length;
        Stats.WriteBufferSize = _buffered;
        if (_producer is IPushProducer push && _streaming && !_producerPaused && _buffered > _highWaterMark)
        {
            _producerPaused = true;
            Stats.Producer = ProducerState.Paused;
            push.PauseProducing();
        }
    }

    /// <inheritdoc/>
    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var total = 0;
        foreach (var chunk in data)
        {
            total += chunk.Length;
        }

        var joined = new byte[total];
        var offset = 0;
        foreach (var chunk in data)
        {
            chunk.Span.CopyTo(joined.AsSpan(offset));
            offset += chunk.Length;
        }

        Write(joined);
    }

    /// <summary>Closes once everything written has been delivered and no producer is registered.</summary>
    public void LoseConnection()
    {
        if (Closed || Disconnecting)
        {
            return;
        }

        Disconnecting = true;
        Stats.Transition(TransportState.Closing, "closed by this side");
    }

    /// <summary>Closes at the next pump, discarding what is buffered; the peer sees a reset.</summary>
    public void AbortConnection()
    {
        if (Closed)
        {
            return;
        }

        Aborted = true;
        Disconnecting = true;
        _outgoing.Clear();
        _headOffset = 0;
        _buffered = 0;
        Stats.WriteBufferSize = 0;
    }

    /// <summary>Sends FIN once everything written has been delivered; the peer hears <c>ReadConnectionLost</c> (or loses the connection if it cannot half-close).</summary>
    public void LoseWriteConnection()
    {
        if (Closed)
        {
            return;
        }

        WriteShutdownRequested = true;
    }

    /// <inheritdoc/>
    public EndPoint GetPeer() => PeerAddress;

    /// <inheritdoc/>
    public EndPoint GetHost() => Host;

    /// <inheritdoc/>
    public TcpKernelInfo? GetKernelInfo() => null;

    /// <summary>
    /// Registers <paramref name="producer"/>. A pull producer (not streaming) is asked for its
    /// first chunk at once, as Twisted's transports do; a producer registered after the
    /// connection is gone is stopped at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">A producer is already registered.</exception>
    public void RegisterProducer(IProducer producer, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (_producer is not null)
        {
            throw new InvalidOperationException("Cannot register two producers.");
        }

        if (Closed)
        {
            producer.StopProducing();
            return;
        }

        _producer = producer;
        _streaming = streaming;
        _producerPaused = false;
        Stats.Producer = ProducerState.Streaming;
        if (!streaming)
        {
            Produce(producer);
        }
        else if (_buffered > _highWaterMark && producer is IPushProducer push)
        {
            _producerPaused = true;
            Stats.Producer = ProducerState.Paused;
            push.PauseProducing();
        }
    }

    /// <inheritdoc/>
    public void UnregisterProducer()
    {
        _producer = null;
        _producerPaused = false;
        Stats.Producer = ProducerState.None;
    }

    /// <summary>Stops delivering received bytes until <see cref="ResumeProducing"/>.</summary>
    public void PauseProducing()
    {
        ReadingPaused = true;
        Stats.ReadingPaused = true;
    }

    /// <summary>Delivers received bytes again (at the next pump).</summary>
    public void ResumeProducing()
    {
        if (ReadingStopped)
        {
            return;
        }

        ReadingPaused = false;
        Stats.ReadingPaused = false;
    }

    /// <summary>Stops reading for good and closes the connection, as a TCP transport does.</summary>
    public void StopProducing()
    {
        ReadingStopped = true;
        ReadingPaused = true;
        LoseConnection();
    }

    /// <summary>Asks a pull producer for a chunk if the buffer is empty (Twisted's iosim does this at every pump).</summary>
    internal void PollPullProducer()
    {
        if (_producer is { } producer && !_streaming && _buffered == 0 && !Closed)
        {
            Produce(producer);
        }
    }

    /// <summary>Takes up to <paramref name="maxBytes"/> buffered bytes for the peer.</summary>
    internal byte[] TakeOutgoing(int maxBytes)
    {
        var take = (int)Math.Min(maxBytes, _buffered);
        var chunk = new byte[take];
        var filled = 0;
        while (filled < take)
        {
            var head = _outgoing.Peek();
            var count = Math.Min(head.Length - _headOffset, take - filled);
            head.AsSpan(_headOffset, count).CopyTo(chunk.AsSpan(filled));
            filled += count;
            _headOffset += count;
            if (_headOffset == head.Length)
            {
                _outgoing.Dequeue();
                _headOffset = 0;
            }
        }

        _buffered -= take;
        Stats.WriteBufferSize = _buffered;
        Stats.RecordSent(take);
        if (_buffered == 0 && _producerPaused && _producer is IPushProducer push)
        {
            _producerPaused = false;
            Stats.Producer = ProducerState.Streaming;
            push.ResumeProducing();
        }

        return chunk;
    }

    /// <summary>Hands a chunk from the peer to the protocol.</summary>
    internal void Deliver(byte[] chunk)
    {
        Stats.RecordReceived(chunk.Length);
        Protocol.DataReceived(chunk);
    }

    /// <summary>Marks this side's FIN as delivered and tells the protocol if it can half-close.</summary>
    internal void FinishWriteShutdown()
    {
        WriteClosed = true;
        Stats.Transition(TransportState.WriteClosed);
        if (Protocol is IHalfCloseableProtocol halfCloseable)
        {
            halfCloseable.WriteConnectionLost();
        }
    }

    /// <summary>Tells the protocol the peer finished sending.</summary>
    internal void ReadShutdown()
    {
        Stats.Transition(TransportState.ReadClosed);
        ((IHalfCloseableProtocol)Protocol).ReadConnectionLost();
    }

    /// <summary>Ends the connection on this side: the producer is stopped and the protocol hears <c>ConnectionLost</c>.</summary>
    internal void Close(Exception reason, bool failed)
    {
        if (Closed)
        {
            return;
        }

        Closed = true;
        Disconnecting = true;
        _outgoing.Clear();
        _buffered = 0;
        Stats.WriteBufferSize = 0;
        LostReason = new Failure(reason);
        Stats.Transition(failed ? TransportState.Failed : TransportState.Closed, reason.Message);
        if (_producer is { } producer)
        {
            _producer = null;
            Stats.Producer = ProducerState.Stopped;
            producer.StopProducing();
        }

        Protocol.ConnectionLost(LostReason);
    }

    private static void Produce(IProducer producer)
    {
        switch (producer)
        {
            case IPullProducer pull:
                pull.ResumeProducing();
                break;
            case IPushProducer push:
                push.ResumeProducing();
                break;
            default:
                throw new InvalidOperationException($"{producer.GetType().Name} cannot be asked to produce: it is neither a pull nor a push producer.");
        }
    }
}
