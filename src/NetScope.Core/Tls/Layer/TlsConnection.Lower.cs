using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Logging;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Core.Tls.Layer;

/// <content>The layer as the protocol of the transport beneath: ciphertext in, the transport's end.</content>
internal sealed partial class TlsConnection
{
    /// <summary>How long the application waits for the engine's verdict on a lost transport, at most.</summary>
    private const double EngineVerdictSeconds = 5;

    private bool _lowerLost;
    private bool _appLost;
    private Failure? _lossAwaitingEngine;
    private IDelayedCall? _lossTimer;

    /// <summary>Ciphertext arrived.</summary>
    public void DataReceived(ReadOnlySpan<byte> data)
    {
        if (_lowerLost || _engine is not { } engine)
        {
            return;
        }

        _ciphertextReceived += data.Length;
        engine.ReceiveCiphertext(data);
        AfterEngineCall();
    }

    /// <summary>
    /// The peer's FIN. After its close_notify that is the expected end of its direction; without one the
    /// engine decides: a handshake cut short, or data that may be truncated.
    /// </summary>
    public void ReadConnectionLost()
    {
        if (_lowerLost || _engine is not { } engine || engine.CloseNotifyReceived || _failure is not null || _aborting)
        {
            return;
        }

        engine.TransportClosed();
        AfterEngineCall();
        if (engine.State == TlsEngineState.Closed && !_closeRequested)
        {
            // This side had already sent close_notify (a half-close) and the peer hung up instead of answering.
            CloseLower();
        }
    }

    /// <summary>The transport beneath finished sending; the layer reported that to the application already.</summary>
    public void WriteConnectionLost()
    {
    }

    /// <summary>
    /// The transport beneath is gone: settle the engine, then tell the application why, once. When the engine
    /// cannot give its verdict at once (SslStream was working off the reactor thread) the application hears
    /// only after it does, so that a reset mid-handshake still reads as the TLS failure it caused.
    /// </summary>
    public void ConnectionLost(Failure reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (_lowerLost)
        {
            return;
        }

        _lowerLost = true;
        CancelHandshakeTimer();
        var lowerReason = reason.Value;
        if (_engine is { } engine && _failure is null && !_aborting)
        {
            var clean = lowerReason is ConnectionDoneException;
            var mustTellEngine =
                (engine.State == TlsEngineState.Handshaking && !_closeRequested)
                || (engine.State == TlsEngineState.Established && clean && !engine.CloseNotifyReceived && !engine.CloseNotifySent);
            if (mustTellEngine)
            {
                // A reset or hang-up mid-handshake is a TLS failure (the engine names the stage); a clean end
                // after it without close_notify is a truncated close.
                engine.TransportClosed(clean ? null : lowerReason);
                var verdictPending = engine.State == TlsEngineState.Handshaking
                    || (engine.State == TlsEngineState.Established && !engine.IsReceivingPaused);
                if (_failure is null && verdictPending)
                {
                    _lossAwaitingEngine = reason;
                    _lossTimer = _reactor.CallLater(EngineVerdictSeconds, () => FinishConnectionLost(reason));
                    return;
                }
            }
        }

        FinishConnectionLost(reason);
    }

    /// <summary>Tells the application how the connection ended (once), and releases the engine.</summary>
    private void FinishConnectionLost(Failure reason)
    {
        if (_appLost)
        {
            return;
        }

        _lossAwaitingEngine = null;
        if (_lossTimer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        var lowerReason = reason.Value;
        var appReason = _protocolError
            ?? (_failure is { } failure ? new TlsFailureException(failure) : null)
            ?? (_closeRequested && !_aborting && _engine is { CloseNotifyReceived: true } && lowerReason is not ConnectionDoneException
                // Both sides finished TLS cleanly; the peer merely tore TCP down before our close_notify arrived.
                ? new ConnectionDoneException("connection closed")
                : lowerReason);
        if (_failure is null)
        {
            var closedCleanly = appReason is ConnectionDoneException;
            Stats.Transition(closedCleanly ? TransportState.Closed : TransportState.Failed, appReason.Message);
        }

        Stats.WriteBufferSize = 0;
        SettleHandshakeWaiters(appReason);
        _engine?.Dispose();
        var producer = _producer;
        _producer = null;
        if (producer is not null && !_producerOnLower)
        {
            // The transport beneath stops a producer registered with it; one still waiting for the handshake is ours to stop.
            producer.StopProducing();
        }

        _appLost = true;
        try
        {
            _app.ConnectionLost(ReferenceEquals(appReason, lowerReason) ? reason : new Failure(appReason));
        }
        catch (Exception exception)
        {
            TlsLayerLog.ProtocolFailed(NetScopeLogging.CreateLogger(TlsLayerLog.Category), exception, _app.GetType().Name);
        }
    }

    /// <summary>Closes the transport beneath once, after what is buffered there (an alert, a close_notify) has gone out.</summary>
    private void CloseLower()
    {
        if (_lowerCloseIssued || _lowerLost)
        {
            return;
        }

        _lowerCloseIssued = true;
        Stats.Transition(_failure is null ? TransportState.Closing : TransportState.Failed);
        Lower.LoseConnection();
    }
}
