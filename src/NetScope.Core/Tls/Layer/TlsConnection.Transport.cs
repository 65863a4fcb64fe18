using NetScope.Core.Transports;

namespace NetScope.Core.Tls.Layer;

/// <content>
/// The layer as the application's transport: plaintext writes, producers in both directions, closing.
/// </content>
internal sealed partial class TlsConnection
{
    private TlsProducerMembrane? _producer;
    private bool _producerOnLower;
    private bool _closeRequested;
    private bool _writeCloseRequested;
    private bool _writeClosedReported;
    private bool _lowerCloseIssued;
    private bool _aborting;
    private bool _readPauseRequested;
    private bool _lowerPausedByUs;

    /// <summary>
    /// Encrypts and sends <paramref name="data"/>; before the handshake completes it waits in the engine.
    /// After <see cref="LoseConnection"/> (with no producer registered), a half-close or a failure the bytes
    /// are dropped, as Twisted drops them.
    /// </summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || _engine is not { } engine || _lowerLost || _aborting || _failure is not null
            || ((_closeRequested || _writeCloseRequested) && _producer is null))
        {
            return;
        }

        Stats.RecordSent(data.Length);
        engine.WritePlaintext(data);
        var pending = engine.PendingPlaintextBytes;
        Stats.WriteBufferSize = pending;
        if (pending > Stats.HighWaterMark && _producer is { Streaming: true } producer && !_producerOnLower)
        {
            // Plaintext is piling up behind the handshake and nothing beneath can see it: pause here.
            producer.PauseProducing();
        }
    }

    /// <inheritdoc/>
    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var part in data)
        {
            Write(part.Span);
        }
    }

    /// <inheritdoc/>
    public void RegisterProducer(IProducer producer, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (_producer is not null)
        {
            throw new InvalidOperationException($"Cannot register producer {producer}: a producer is already registered with the TLS transport.");
        }

        if (_lowerLost || _aborting || _engine is not { } engine)
        {
            producer.StopProducing();
            return;
        }

        var membrane = new TlsProducerMembrane(producer, streaming, Stats);
        _producer = membrane;
        Stats.Producer = ProducerState.Streaming;
        if (engine.State != TlsEngineState.Handshaking && _failure is null)
        {
            HandProducerToLower(membrane);
        }
        else if (streaming && engine.PendingPlaintextBytes > Stats.HighWaterMark)
        {
            membrane.PauseProducing();
        }
    }

    /// <inheritdoc/>
    public void UnregisterProducer()
    {
        if (_producer is not { } membrane)
        {
            return;
        }

        _producer = null;
        membrane.Detach();
        Stats.Producer = ProducerState.None;
        if (_producerOnLower)
        {
            _producerOnLower = false;
            if (!_lowerLost)
            {
                Lower.UnregisterProducer();
            }
        }

        if (_lowerLost)
        {
            return;
        }

        if (_closeRequested)
        {
            ShutdownTls();
        }
        else if (_writeCloseRequested && !_writeClosedReported && _failure is null && !_aborting)
        {
            Engine.Shutdown();
            AfterEngineCall();
        }
    }

    /// <summary>
    /// Sends close_notify after everything written (and after the producer is unregistered), then closes the
    /// transport beneath. During a handshake with nothing waiting to be sent it closes at once: there is
    /// nothing to protect, and waiting for the handshake only to end it helps nobody (Twisted does the same).
    /// </summary>
    public void LoseConnection()
    {
        if (_closeRequested || _lowerLost || _engine is null)
        {
            return;
        }

        _closeRequested = true;
        if (_failure is not null || _aborting)
        {
            CloseLower();
            return;
        }

        Stats.Transition(TransportState.Closing);
        if (_producer is null)
        {
            ShutdownTls();
        }
    }

    /// <summary>
    /// TLS's half-close: sends close_notify after everything written (a FIN follows when the transport beneath
    /// is TCP) and keeps delivering what arrives. A half-closeable protocol gets <c>WriteConnectionLost</c>.
    /// </summary>
    public void LoseWriteConnection()
    {
        if (_writeCloseRequested || _closeRequested || _lowerLost || _engine is not { } engine)
        {
            return;
        }

        _writeCloseRequested = true;
        if (_failure is not null || _aborting || _producer is not null)
        {
            return;
        }

        engine.Shutdown();
        AfterEngineCall();
    }

    /// <summary>Drops the connection at once: no close_notify, the transport beneath is aborted.</summary>
    public void AbortConnection()
    {
        if (_lowerLost || _lower is null || _aborting)
        {
            return;
        }

        _aborting = true;
        Lower.AbortConnection();
    }

    /// <summary>
    /// Stops delivering plaintext. The handshake still proceeds; once it is done the transport beneath stops
    /// reading too, so ciphertext backs up in the kernel rather than in memory.
    /// </summary>
    public void PauseProducing()
    {
        if (_readPauseRequested)
        {
            return;
        }

        _readPauseRequested = true;
        Stats.ReadingPaused = true;
        if (_engine is not { } engine || _lowerLost)
        {
            return;
        }

        engine.PauseReceiving();
        if (engine.State != TlsEngineState.Handshaking && !_lowerPausedByUs)
        {
            _lowerPausedByUs = true;
            Lower.PauseProducing();
        }
    }

    /// <summary>Delivers what was held back (before this returns), then reads again.</summary>
    public void ResumeProducing()
    {
        if (!_readPauseRequested)
        {
            return;
        }

        _readPauseRequested = false;
        Stats.ReadingPaused = false;
        if (_engine is not { } engine || _lowerLost)
        {
            return;
        }

        if (_lowerPausedByUs)
        {
            _lowerPausedByUs = false;
            Lower.ResumeProducing();
        }

        engine.ResumeReceiving();
        AfterEngineCall();
    }

    /// <summary>As for TCP: the consumer is going away, so the connection closes.</summary>
    public void StopProducing() => LoseConnection();

    /// <summary>
    /// The handshake is over: the transport beneath now holds the ciphertext, so it decides when the
    /// application's producer pauses. A producer paused for the handshake resumes here.
    /// </summary>
    private void HandProducerToLower(TlsProducerMembrane membrane)
    {
        _producerOnLower = true;
        Lower.RegisterProducer(membrane, membrane.Streaming);
        if (membrane.Paused && ReferenceEquals(_producer, membrane))
        {
            membrane.ResumeProducing();
        }
    }

    private void ShutdownTls()
    {
        var engine = Engine;
        if (engine.State == TlsEngineState.Handshaking && engine.PendingPlaintextBytes == 0)
        {
            CloseLower();
            return;
        }

        if (engine.State is TlsEngineState.Closed or TlsEngineState.Failed || engine.CloseNotifySent)
        {
            CloseLower();
            return;
        }

        engine.Shutdown();
        AfterEngineCall();
    }
}
