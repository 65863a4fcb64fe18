using System.Net;
using System.Text;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Testing;

/// <summary>
/// A transport that keeps what is written in memory and records every other call without
/// acting on it (Twisted's <c>StringTransport</c>): attach a protocol with
/// <c>protocol.MakeConnection(transport)</c>, feed it with <c>DataReceived</c>, and assert on
/// <see cref="Value"/> and the flags.
/// </summary>
/// <remarks>
/// <see cref="LoseConnection"/> only sets <see cref="Disconnecting"/>: the protocol's
/// <c>ConnectionLost</c> is not called (use <see cref="StringTransportWithDisconnection"/> for
/// that). Pausing or resuming after <see cref="LoseConnection"/>, or resuming after
/// <see cref="StopProducing"/>, throws unless the transport is lenient, so code that would
/// wait for data that can never come fails loudly.
/// </remarks>
public class StringTransport : ITcpTransport
{
    private readonly List<byte[]> _writes = [];
    private readonly List<ProducerCall> _producerCalls = [];
    private readonly bool _lenient;

    /// <summary>
    /// Creates the transport. The addresses default to Twisted's (host 10.0.0.1:12345, peer
    /// 192.168.1.1:54321); <paramref name="clock"/> timestamps <see cref="Stats"/> (a new
    /// <see cref="Clock"/> if omitted).
    /// </summary>
    public StringTransport(EndPoint? hostAddress = null, EndPoint? peerAddress = null, bool lenient = false, IReactorTime? clock = null)
    {
        HostAddress = hostAddress ?? new IPEndPoint(IPAddress.Parse("10.0.0.1"), 12345);
        PeerAddress = peerAddress ?? new IPEndPoint(IPAddress.Parse("192.168.1.1"), 54321);
        _lenient = lenient;
        Stats = new TransportStats(clock ?? new Clock(), "memory", TransportState.Established)
        {
            Local = HostAddress,
            Remote = PeerAddress,
        };
    }

    /// <summary>What <see cref="GetHost"/> returns.</summary>
    public EndPoint HostAddress { get; set; }

    /// <summary>What <see cref="GetPeer"/> returns.</summary>
    public EndPoint PeerAddress { get; set; }

    /// <summary><see langword="true"/> once <see cref="LoseConnection"/> or <see cref="AbortConnection"/> has been called.</summary>
    public bool Disconnecting { get; protected set; }

    /// <summary><see langword="true"/> once <see cref="AbortConnection"/> has been called.</summary>
    public bool Aborted { get; protected set; }

    /// <summary><see langword="true"/> once <see cref="LoseWriteConnection"/> has been called.</summary>
    public bool WriteDisconnecting { get; private set; }

    /// <summary>The registered producer, if any.</summary>
    public IProducer? Producer { get; private set; }

    /// <summary>Whether the registered producer was registered as streaming (push); <see langword="null"/> when none is.</summary>
    public bool? Streaming { get; private set; }

    /// <summary>The transport's state as the producer of received data.</summary>
    public TransportProducerState ProducerState { get; private set; }

    /// <summary>Every pause, resume and stop call the transport received, in order.</summary>
    public IReadOnlyList<ProducerCall> ProducerCalls => _producerCalls;

    /// <summary>Each write since the last <see cref="Clear"/>, as it was made (a <c>WriteSequence</c> counts as one).</summary>
    public IReadOnlyList<byte[]> Writes => _writes;

    /// <inheritdoc/>
    public TransportStats Stats { get; }

    /// <inheritdoc/>
    public bool NoDelay { get; set; }

    /// <inheritdoc/>
    public bool KeepAlive { get; set; }

    /// <summary>Everything written since the last <see cref="Clear"/>, as one array.</summary>
    public byte[] Value()
    {
        var total = 0;
        foreach (var write in _writes)
        {
            total += write.Length;
        }

        var value = new byte[total];
        var offset = 0;
        foreach (var write in _writes)
        {
            write.CopyTo(value, offset);
            offset += write.Length;
        }

        return value;
    }

    /// <summary>Everything written since the last <see cref="Clear"/>, decoded as UTF-8.</summary>
    public string ValueString() => Encoding.UTF8.GetString(Value());

    /// <summary>Forgets what has been written so far.</summary>
    public void Clear() => _writes.Clear();

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        _writes.Add(data.ToArray());
        Stats.RecordSent(data.Length);
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

        _writes.Add(joined);
        Stats.RecordSent(total);
    }

    /// <summary>Sets <see cref="Disconnecting"/> and moves <see cref="Stats"/> to Closing; nothing else happens.</summary>
    public virtual void LoseConnection()
    {
        Disconnecting = true;
        Stats.Transition(TransportState.Closing, "closed by this side");
    }

    /// <summary>Sets <see cref="Aborted"/> and <see cref="Disconnecting"/> and moves <see cref="Stats"/> to Closed.</summary>
    public virtual void AbortConnection()
    {
        Aborted = true;
        Disconnecting = true;
        Stats.Transition(TransportState.Closed, "aborted by this side");
    }

    /// <summary>Sets <see cref="WriteDisconnecting"/> and moves <see cref="Stats"/> to WriteClosed.</summary>
    public void LoseWriteConnection()
    {
        WriteDisconnecting = true;
        Stats.Transition(TransportState.WriteClosed);
    }

    /// <inheritdoc/>
    public EndPoint GetPeer() => PeerAddress;

    /// <inheritdoc/>
    public EndPoint GetHost() => HostAddress;

    /// <inheritdoc/>
    public TcpKernelInfo? GetKernelInfo() => null;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A producer is already registered.</exception>
    public void RegisterProducer(IProducer producer, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (Producer is not null)
        {
            throw new InvalidOperationException("Cannot register two producers.");
        }

        Producer = producer;
        Streaming = streaming;
        Stats.Producer = Core.Transports.ProducerState.Streaming;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No producer is registered.</exception>
    public void UnregisterProducer()
    {
        if (Producer is null)
        {
            throw new InvalidOperationException("Cannot unregister a producer unless one is registered.");
        }

        Producer = null;
        Streaming = null;
        Stats.Producer = Core.Transports.ProducerState.None;
    }

    /// <summary>Records the call and enters the Paused state.</summary>
    /// <exception cref="InvalidOperationException">The transport is disconnecting (and not lenient) or stopped.</exception>
    public void PauseProducing()
    {
        _producerCalls.Add(ProducerCall.Pause);
        CheckCanProduce();
        ProducerState = TransportProducerState.Paused;
        Stats.ReadingPaused = true;
    }

    /// <summary>Records the call and enters the Producing state.</summary>
    /// <exception cref="InvalidOperationException">The transport is disconnecting (and not lenient) or stopped.</exception>
    public void ResumeProducing()
    {
        _producerCalls.Add(ProducerCall.Resume);
        CheckCanProduce();
        ProducerState = TransportProducerState.Producing;
        Stats.ReadingPaused = false;
    }

    /// <summary>Records the call and enters the Stopped state.</summary>
    public void StopProducing()
    {
        _producerCalls.Add(ProducerCall.Stop);
        ProducerState = TransportProducerState.Stopped;
    }

    private void CheckCanProduce()
    {
        if (Disconnecting && !_lenient)
        {
            throw new InvalidOperationException("Cannot pause or resume producing after LoseConnection.");
        }

        if (ProducerState == TransportProducerState.Stopped)
        {
            throw new InvalidOperationException("Cannot pause or resume a stopped producer.");
        }
    }
}
