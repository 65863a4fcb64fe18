using System.Globalization;
using System.Net;
using NetScope.Core.Time;

namespace NetScope.Core.Transports;

/// <summary>
/// The live record of one transport: its state and the time of each transition, and what has
/// passed through it. Transports update it on the reactor thread; views read it there (or
/// copy it out through a snapshot the session model takes).
/// </summary>
public sealed class TransportStats
{
    private static volatile ITransportObserver? _observer;
    private static long _nextId;

    private readonly IReactorTime _clock;
    private readonly List<TransportStateChange> _history = new(4);

    /// <summary>Creates the record of a transport of <paramref name="kind"/> ("tcp", "tls", "memory") in <paramref name="initial"/> state.</summary>
    public TransportStats(IReactorTime clock, string kind, TransportState initial)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Kind = kind;
        Id = Interlocked.Increment(ref _nextId);
        State = initial;
        _history.Add(new TransportStateChange(initial, clock.Seconds(), null));
        _observer?.Opened(this);
    }

    /// <summary>A process-unique number for the transport.</summary>
    public long Id { get; }

    /// <summary>What kind of transport this is ("tcp", "tls", ...).</summary>
    public string Kind { get; }

    /// <summary>The local address, once known.</summary>
    public EndPoint? Local { get; set; }

    /// <summary>The remote address, once known.</summary>
    public EndPoint? Remote { get; set; }

    /// <summary>The current state.</summary>
    public TransportState State { get; private set; }

    /// <summary>Every state entered, with its time, oldest first.</summary>
    public IReadOnlyList<TransportStateChange> History => _history;

    /// <summary>Bytes delivered to the protocol.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Bytes handed to the kernel (or the layer below).</summary>
    public long BytesSent { get; private set; }

    /// <summary>How many reads delivered data.</summary>
    public long ChunksReceived { get; private set; }

    /// <summary>How many writes were handed down.</summary>
    public long ChunksSent { get; private set; }

    /// <summary>When the first bytes were delivered to the protocol (reactor clock), or <see langword="null"/> before.</summary>
    public double? FirstByteReceivedTime { get; private set; }

    /// <summary>When the first bytes were handed down (reactor clock), or <see langword="null"/> before.</summary>
    public double? FirstByteSentTime { get; private set; }

    /// <summary>Bytes written by the protocol and not yet sent.</summary>
    public long WriteBufferSize { get; set; }

    /// <summary>The write-buffer size above which a streaming producer is paused.</summary>
    public long HighWaterMark { get; set; }

    /// <summary>The write-buffer size under which a paused producer is resumed.</summary>
    public long LowWaterMark { get; set; }

    /// <summary>The registered producer's state.</summary>
    public ProducerState Producer { get; set; }

    /// <summary><see langword="true"/> while reading is paused (the transport, as a producer, was paused).</summary>
    public bool ReadingPaused { get; set; }

    /// <summary>Why the transport failed or closed, once it has.</summary>
    public string? EndReason { get; private set; }

    /// <summary>The observer attached to every transport, or <see langword="null"/>.</summary>
    public static ITransportObserver? Observer => _observer;

    /// <summary>Attaches <paramref name="observer"/> to every transport created from now on and to state changes of all (or detaches with <see langword="null"/>).</summary>
    public static void SetObserver(ITransportObserver? observer) => _observer = observer;

    /// <summary>Counts <paramref name="bytes"/> delivered in one read.</summary>
    public void RecordReceived(int bytes)
    {
        if (ChunksReceived == 0)
        {
            FirstByteReceivedTime = _clock.Seconds();
        }

        BytesReceived += bytes;
        ChunksReceived++;
    }

    /// <summary>Counts <paramref name="bytes"/> handed down in one write.</summary>
    public void RecordSent(long bytes)
    {
        if (ChunksSent == 0)
        {
            FirstByteSentTime = _clock.Seconds();
        }

        BytesSent += bytes;
        ChunksSent++;
    }

    /// <summary>Enters <paramref name="state"/> (ignored if already there), recording the time and an optional one-line reason.</summary>
    public void Transition(TransportState state, string? reason = null)
    {
        if (state == State)
        {
            return;
        }

        var change = new TransportStateChange(state, _clock.Seconds(), reason);
        State = state;
        _history.Add(change);
        if (state is TransportState.Closed or TransportState.Failed)
        {
            EndReason = reason;
        }

        _observer?.StateChanged(this, change);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}#{Id} {State} in={BytesReceived} out={BytesSent} buffered={WriteBufferSize}");
}
