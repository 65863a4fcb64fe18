using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Sessions.Tests.Support;

/// <summary>
/// A TCP transport in memory that keeps its <see cref="TransportStats"/> as the real one does:
/// the test delivers bytes, finishes, resets; writes are collected (or held as buffered while
/// <see cref="Blocked"/>); closes are reported from the clock, as the reactor does.
/// </summary>
internal sealed class MemoryConnection : ITcpTransport
{
    private readonly TestReactor _reactor;
    private readonly EndPoint _local;
    private readonly EndPoint _remote;
    private IProtocol _protocol = null!;
    private bool _readClosed;
    private bool _writeClosed;

    public MemoryConnection(TestReactor reactor, TransportStats stats, EndPoint local, EndPoint remote)
    {
        _reactor = reactor;
        Stats = stats;
        _local = local;
        _remote = remote;
        stats.Local = local;
        stats.Remote = remote;
        stats.HighWaterMark = 64 * 1024;
        stats.LowWaterMark = 16 * 1024;
    }

    public TransportStats Stats { get; }

    public List<byte> Written { get; } = new();

    public bool Disconnected { get; private set; }

    /// <summary>While set, writes are held as buffered instead of sent.</summary>
    public bool Blocked { get; set; }

    public TcpKernelInfo? KernelInfo { get; set; } = new(120, 30, 10, 0, 0, 65535, -1, -1);

    public bool NoDelay { get; set; } = true;

    public bool KeepAlive { get; set; }

    public IProducer? Producer { get; private set; }

    public void Start(IProtocol protocol)
    {
        _protocol = protocol;
        Stats.Transition(TransportState.Connected);
        Stats.Transition(TransportState.Established);
        protocol.MakeConnection(this);
    }

    public void Deliver(ReadOnlySpan<byte> data)
    {
        Stats.RecordReceived(data.Length);
        _protocol.DataReceived(data);
    }

    public void Deliver(string text) => Deliver(System.Text.Encoding.UTF8.GetBytes(text));

    public void PeerFinishes()
    {
        _readClosed = true;
        if (_protocol is IHalfCloseableProtocol halfCloseable)
        {
            Stats.Transition(TransportState.ReadClosed, "peer finished sending");
            halfCloseable.ReadConnectionLost();
            if (_writeClosed)
            {
                Close(new ConnectionDoneException("connection closed"));
            }
        }
        else
        {
            Close(new ConnectionDoneException("connection closed by peer"));
        }
    }

    public void Reset() => Close(new ConnectionResetException("connection reset by peer"));

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Disconnected || _writeClosed || data.IsEmpty)
        {
            return;
        }

        if (Blocked)
        {
            Stats.WriteBufferSize += data.Length;
            return;
        }

        Written.AddRange(data.ToArray());
        Stats.RecordSent(data.Length);
    }

    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        foreach (var part in data)
        {
            Write(part.Span);
        }
    }

    public void RegisterProducer(IProducer producer, bool streaming)
    {
        Producer = producer;
        Stats.Producer = ProducerState.Streaming;
    }

    public void UnregisterProducer()
    {
        Producer = null;
        Stats.Producer = ProducerState.None;
    }

    public void LoseConnection()
    {
        if (Disconnected)
        {
            return;
        }

        Stats.Transition(TransportState.Closing);
        _reactor.CallLater(0, () => Close(new ConnectionDoneException("connection closed")));
    }

    public void LoseWriteConnection() => _reactor.CallLater(0, () =>
    {
        _writeClosed = true;
        Stats.Transition(TransportState.WriteClosed, "this side finished sending");
        (_protocol as IHalfCloseableProtocol)?.WriteConnectionLost();
        if (_readClosed)
        {
            Close(new ConnectionDoneException("connection closed"));
        }
    });

    public void AbortConnection() => _reactor.CallLater(0, () => Close(new ConnectionAbortedException("connection aborted")));

    public EndPoint GetPeer() => _remote;

    public EndPoint GetHost() => _local;

    public TcpKernelInfo? GetKernelInfo() => Disconnected ? null : KernelInfo;

    public void PauseProducing() => Stats.ReadingPaused = true;

    public void ResumeProducing() => Stats.ReadingPaused = false;

    public void StopProducing() => LoseConnection();

    public void Close(Exception reason)
    {
        if (Disconnected)
        {
            return;
        }

        Disconnected = true;
        Stats.WriteBufferSize = 0;
        Stats.Transition(reason is ConnectionDoneException ? TransportState.Closed : TransportState.Failed, reason.Message);
        _protocol.ConnectionLost(new Failure(reason));
    }
}
