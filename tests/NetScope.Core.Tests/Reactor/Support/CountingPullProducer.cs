using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// A pull producer that writes the next chunk of <see cref="Bytes.Pattern"/> each time it is
/// asked, and after the last one unregisters and loses the connection.
/// </summary>
internal sealed class CountingPullProducer : IPullProducer
{
    private readonly ITransport _transport;
    private readonly int _chunkSize;
    private readonly int _chunks;

    public CountingPullProducer(ITransport transport, int chunkSize, int chunks)
    {
        _transport = transport;
        _chunkSize = chunkSize;
        _chunks = chunks;
    }

    public int ResumeCalls { get; private set; }

    /// <summary>The transport's write-buffer size each time the producer was asked for more.</summary>
    public List<long> WriteBufferAtResume { get; } = new();

    public bool Stopped { get; private set; }

    public long TotalBytes => (long)_chunkSize * _chunks;

    public void ResumeProducing()
    {
        WriteBufferAtResume.Add(_transport.Stats.WriteBufferSize);
        var index = ResumeCalls++;
        if (index >= _chunks)
        {
            return;
        }

        _transport.Write(Bytes.Pattern((long)index * _chunkSize, _chunkSize));
        if (index == _chunks - 1)
        {
            _transport.UnregisterProducer();
            _transport.LoseConnection();
        }
    }

    public void StopProducing() => Stopped = true;
}
