using System.Net;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Benchmarks.Http;

/// <summary>An in-memory transport that only counts what is written, as a kernel that takes everything would.</summary>
internal sealed class NullTransport(IReactorTime clock) : ITransport
{
    private readonly EndPoint _peer = new IPEndPoint(IPAddress.Loopback, 50000);

    public long BytesWritten { get; private set; }

    public TransportStats Stats { get; } = new(clock, "memory", TransportState.Established);

    public void Write(ReadOnlySpan<byte> data) => BytesWritten += data.Length;

    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        for (var i = 0; i < data.Count; i++)
        {
            BytesWritten += data[i].Length;
        }
    }

    public void RegisterProducer(IProducer producer, bool streaming)
    {
    }

    public void UnregisterProducer()
    {
    }

    public void LoseConnection()
    {
    }

    public void AbortConnection()
    {
    }

    public EndPoint GetPeer() => _peer;

    public EndPoint GetHost() => _peer;

    public void PauseProducing()
    {
    }

    public void ResumeProducing()
    {
    }

    public void StopProducing()
    {
    }
}
