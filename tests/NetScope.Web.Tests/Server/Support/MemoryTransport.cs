using System.Net;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>
/// A transport that records what is written, and can play a client that stops reading: while
/// <see cref="Blocked"/>, written bytes count as unsent, and a streaming producer is paused past
/// <see cref="HighWaterMark"/> until <see cref="Drain"/>.
/// </summary>
internal sealed class MemoryTransport : ITcpTransport
{
    private readonly MemoryStream _written = new();
    private readonly EndPoint _peer;
    private bool _producerPaused;

    public MemoryTransport(IReactorTime clock, EndPoint? peer = null)
    {
        _peer = peer ?? new IPEndPoint(IPAddress.Loopback, 54321);
        Stats = new TransportStats(clock, "memory", TransportState.Established);
    }

    public TransportStats Stats { get; }

    public byte[] Written => _written.ToArray();

    /// <summary>How many bytes were written, without copying them.</summary>
    public long WrittenCount => _written.Length;

    public int WriteCalls { get; private set; }

    public bool Disconnecting { get; private set; }

    public bool WriteClosed { get; private set; }

    public bool Aborted { get; private set; }

    public bool ClosedByServer => Disconnecting || WriteClosed || Aborted;

    public bool ReadingPaused { get; private set; }

    public IProducer? Producer { get; private set; }

    public bool Streaming { get; private set; }

    public bool ProducerPaused => _producerPaused;

    public bool Blocked { get; set; }

    public long HighWaterMark { get; set; } = 64 * 1024;

    /// <summary>Bytes written while blocked and not drained yet.</summary>
    public long Unsent { get; private set; }

    /// <summary>The most bytes ever waiting unsent at once.</summary>
    public long MaxUnsent { get; private set; }

    public bool NoDelay { get; set; } = true;

    public bool KeepAlive { get; set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        WriteCalls++;
        Append(data);
    }

    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        WriteCalls++;
        foreach (var part in data)
        {
            Append(part.Span);
        }
    }

    public void RegisterProducer(IProducer producer, bool streaming)
    {
        if (Producer is not null)
        {
            throw new InvalidOperationException("A producer is already registered.");
        }

        Producer = producer;
        Streaming = streaming;
        _producerPaused = false;
        if (!streaming && producer is IPullProducer pull)
        {
            for (var i = 0; i < 100_000 && ReferenceEquals(Producer, producer) && !Blocked; i++)
            {
                pull.ResumeProducing();
            }
        }
    }

    public void UnregisterProducer()
    {
        Producer = null;
        _producerPaused = false;
    }

    /// <summary>The client read everything: unsent bytes are gone and a paused producer resumes.</summary>
    public void Drain()
    {
        Unsent = 0;
        if (Producer is IPushProducer push && _producerPaused)
        {
            _producerPaused = false;
            push.ResumeProducing();
        }
    }

    public void LoseConnection() => Disconnecting = true;

    public void LoseWriteConnection() => WriteClosed = true;

    public void AbortConnection() => Aborted = true;

    public EndPoint GetPeer() => _peer;

    public EndPoint GetHost() => new IPEndPoint(IPAddress.Loopback, 8080);

    public TcpKernelInfo? GetKernelInfo() => null;

    public void PauseProducing() => ReadingPaused = true;

    public void ResumeProducing() => ReadingPaused = false;

    public void StopProducing() => Disconnecting = true;

    private void Append(ReadOnlySpan<byte> data)
    {
        if (Aborted)
        {
            return;
        }

        _written.Write(data);
        if (!Blocked)
        {
            return;
        }

        Unsent += data.Length;
        MaxUnsent = Math.Max(MaxUnsent, Unsent);
        if (Producer is IPushProducer push && Streaming && !_producerPaused && Unsent > HighWaterMark)
        {
            _producerPaused = true;
            push.PauseProducing();
        }
    }
}
