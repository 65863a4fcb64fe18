using System.Net;
using NetScope.Core.Transports;
using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Observation;

/// <summary>A transport as a wrapped protocol sees it: everything is passed on, and writes are recorded in the transcript.</summary>
internal class RecordingTransport : ITransport
{
    private readonly ITransport _inner;
    private readonly Transcript _transcript;

    public RecordingTransport(ITransport inner, Transcript transcript)
    {
        _inner = inner;
        _transcript = transcript;
    }

    /// <inheritdoc/>
    public TransportStats Stats => _inner.Stats;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        _transcript.Append(Direction.Sent, data);
        _inner.Write(data);
    }

    /// <inheritdoc/>
    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var part in data)
        {
            _transcript.Append(Direction.Sent, part.Span);
        }

        _inner.WriteSequence(data);
    }

    /// <inheritdoc/>
    public void RegisterProducer(IProducer producer, bool streaming) => _inner.RegisterProducer(producer, streaming);

    /// <inheritdoc/>
    public void UnregisterProducer() => _inner.UnregisterProducer();

    /// <inheritdoc/>
    public void LoseConnection() => _inner.LoseConnection();

    /// <inheritdoc/>
    public void AbortConnection() => _inner.AbortConnection();

    /// <inheritdoc/>
    public EndPoint GetPeer() => _inner.GetPeer();

    /// <inheritdoc/>
    public EndPoint GetHost() => _inner.GetHost();

    /// <inheritdoc/>
    public void PauseProducing() => _inner.PauseProducing();

    /// <inheritdoc/>
    public void ResumeProducing() => _inner.ResumeProducing();

    /// <inheritdoc/>
    public void StopProducing() => _inner.StopProducing();
}
