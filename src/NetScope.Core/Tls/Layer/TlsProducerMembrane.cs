using NetScope.Core.Transports;

namespace NetScope.Core.Tls.Layer;

/// <summary>
/// Stands for the application's producer wherever the TLS layer registers it (Twisted's
/// <c>_ProducerMembrane</c>): with the transport beneath once the handshake is done, so ciphertext piling
/// up there pauses the application; before that, with the layer itself, which pauses it while plaintext
/// waits for the handshake. Pause and resume are passed on only when they change something, and nothing
/// is passed on after <see cref="Detach"/>.
/// </summary>
internal sealed class TlsProducerMembrane : IPushProducer, IPullProducer
{
    private readonly TransportStats _stats;
    private IProducer? _producer;

    public TlsProducerMembrane(IProducer producer, bool streaming, TransportStats stats)
    {
        _producer = producer;
        Streaming = streaming;
        _stats = stats;
    }

    /// <summary>True for a push producer, false for a pull producer.</summary>
    public bool Streaming { get; }

    /// <summary>True while the push producer is paused through this membrane.</summary>
    public bool Paused { get; private set; }

    public void PauseProducing()
    {
        if (Paused || !Streaming || _producer is not IPushProducer push)
        {
            return;
        }

        Paused = true;
        _stats.Producer = ProducerState.Paused;
        push.PauseProducing();
    }

    /// <summary>Resumes a paused push producer, or asks a pull producer for its next chunk.</summary>
    public void ResumeProducing()
    {
        if (Streaming)
        {
            if (!Paused || _producer is not IPushProducer push)
            {
                return;
            }

            Paused = false;
            _stats.Producer = ProducerState.Streaming;
            push.ResumeProducing();
        }
        else if (_producer is IPullProducer pull)
        {
            pull.ResumeProducing();
        }
    }

    public void StopProducing()
    {
        var producer = _producer;
        _producer = null;
        if (producer is not null)
        {
            _stats.Producer = ProducerState.Stopped;
            producer.StopProducing();
        }
    }

    /// <summary>The application unregistered its producer: pass nothing on from now.</summary>
    public void Detach() => _producer = null;
}
