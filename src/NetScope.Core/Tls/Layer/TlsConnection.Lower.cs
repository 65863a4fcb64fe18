using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Logging;
using NetScope.Core.Transports;

namespace NetScope.Core.Tls.Layer;

/// <content>The layer as the protocol of the transport beneath: ciphertext in, the transport's end.</content>
internal sealed partial class TlsConnection
{
    private bool _lowerLost;
    private bool _appLost;

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

    /// <summary>The transport beneath is gone: settle the engine, then tell the application why, once.</summary>
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
            if (engine.State == TlsEngineState.Handshaking && !_closeRequested)
            {
                // A reset or hang-up mid-handshake is a TLS failure (the engine names the stage).
                engine.TransportClosed(clean ? null : lowerReason);
            }
            else if (engine.State == TlsEngineState.Established && clean && !engine.CloseNotifyReceived && !engine.CloseNotifySent)
            {
                engine.TransportClosed();
            }
        }

        var appReason = _protocolError
            ?? (_failure is { } failure ? new TlsFailureException(failure) : null)
            ?? lowerReason;
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
