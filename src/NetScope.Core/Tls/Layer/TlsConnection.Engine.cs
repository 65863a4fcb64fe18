using System.Globalization;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Core.Tls.Layer;

/// <content>The engine's side: what it produces, the handshake's end (or its time running out), failures.</content>
internal sealed partial class TlsConnection : ITlsEngineHost
{
    private IDelayedCall? _handshakeTimer;
    private double? _handshakeEndedAt;
    private List<Deferred<TlsSessionInfo>>? _handshakeWaiters;
    private Exception? _handshakeOutcome;
    private TlsFailure? _failure;
    private Exception? _protocolError;
    private long _ciphertextReceived;
    private bool _handshakeReported;

    void ITlsEngineHost.SendCiphertext(ReadOnlySpan<byte> ciphertext)
    {
        if (!_lowerLost)
        {
            Lower.Write(ciphertext);
        }
    }

    void ITlsEngineHost.HandshakeCompleted(TlsSessionInfo session)
    {
        CancelHandshakeTimer();
        _handshakeEndedAt = _reactor.Seconds();
        Stats.Transition(TransportState.Established, $"{session.ProtocolName} {session.CipherSuite}");
        if (_readPauseRequested && !_lowerPausedByUs && !_lowerLost)
        {
            // The application paused reading during the handshake; only now may the socket stop too.
            _lowerPausedByUs = true;
            Lower.PauseProducing();
        }

        _handshakeReported = true;
        var waiters = _handshakeWaiters;
        _handshakeWaiters = null;
        if (waiters is not null)
        {
            foreach (var waiter in waiters)
            {
                waiter.Callback(session);
            }
        }

        if (_app is ITlsHandshakeListener listener && !_appLost)
        {
            try
            {
                listener.HandshakeCompleted(this);
            }
            catch (Exception exception)
            {
                FailFromProtocol(exception);
            }
        }
    }

    void ITlsEngineHost.PlaintextReceived(ReadOnlySpan<byte> plaintext)
    {
        if (_aborting || _appLost)
        {
            return;
        }

        Stats.RecordReceived(plaintext.Length);
        try
        {
            _app.DataReceived(plaintext);
        }
        catch (Exception exception)
        {
            FailFromProtocol(exception);
        }
    }

    void ITlsEngineHost.CloseNotifyReceived()
    {
        if (_aborting || _appLost)
        {
            return;
        }

        Stats.Transition(TransportState.ReadClosed, "peer sent close_notify");
        if (_app is not IHalfCloseableProtocol halfCloseable)
        {
            // As TCP does for a protocol that cannot live half-open: answer with close_notify and close.
            LoseConnection();
            return;
        }

        try
        {
            halfCloseable.ReadConnectionLost();
        }
        catch (Exception exception)
        {
            FailFromProtocol(exception);
            return;
        }

        if (_writeClosedReported)
        {
            CloseLower();
        }
    }

    void ITlsEngineHost.Failed(TlsFailure failure) => RecordFailure(failure);

    void ITlsEngineHost.Post(Action action) => _reactor.CallFromThread(() =>
    {
        action();
        if (!_lowerLost)
        {
            AfterEngineCall();
        }
    });

    /// <summary>
    /// Runs after every call into the engine: acts on what the call changed and that the engine has no
    /// callback for. The engine sends close_notify and flushes plaintext queued during the handshake only
    /// after its callbacks return, so this is where the layer sees them done.
    /// </summary>
    private void AfterEngineCall()
    {
        if (_lowerLost || _engine is not { } engine)
        {
            return;
        }

        Stats.WriteBufferSize = engine.PendingPlaintextBytes;
        if (engine.State != TlsEngineState.Handshaking && _producer is { } producer && !_producerOnLower && _failure is null)
        {
            HandProducerToLower(producer);
        }

        if (!engine.CloseNotifySent)
        {
            return;
        }

        if (_closeRequested)
        {
            CloseLower();
        }
        else if (_writeCloseRequested && !_writeClosedReported)
        {
            ReportWriteClosed(engine);
        }
    }

    private void ReportWriteClosed(TlsEngine engine)
    {
        _writeClosedReported = true;
        Stats.Transition(TransportState.WriteClosed, "this side sent close_notify");
        (Lower as ITcpTransport)?.LoseWriteConnection();
        if (_app is IHalfCloseableProtocol halfCloseable)
        {
            try
            {
                halfCloseable.WriteConnectionLost();
            }
            catch (Exception exception)
            {
                FailFromProtocol(exception);
                return;
            }
        }

        if (engine.CloseNotifyReceived)
        {
            CloseLower();
        }
    }

    /// <summary>Records the first failure, fails the handshake's waiters and closes the transport beneath (after the alert goes out).</summary>
    private void RecordFailure(TlsFailure failure)
    {
        if (_failure is not null)
        {
            return;
        }

        _failure = failure;
        CancelHandshakeTimer();
        Stats.Transition(TransportState.Failed, failure.Message);
        SettleHandshakeWaiters(new TlsFailureException(failure));
        if (_lossAwaitingEngine is { } loss)
        {
            // Out of the engine's callback, so that it is not disposed from inside itself.
            _reactor.CallLater(0, () => FinishConnectionLost(loss));
            return;
        }

        CloseLower();
    }

    private void HandshakeTimedOut()
    {
        _handshakeTimer = null;
        if (_lowerLost || _failure is not null || _engine?.State != TlsEngineState.Handshaking)
        {
            return;
        }

        var seconds = _layer.HandshakeTimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var what = (_ciphertextReceived, Role) switch
        {
            (0, TlsRole.Client) => "the server sent nothing in answer to the ClientHello",
            (0, TlsRole.Server) => "the client sent no ClientHello",
            var (bytes, _) => string.Create(CultureInfo.InvariantCulture, $"the peer sent {bytes} bytes, then nothing more"),
        };
        RecordFailure(new TlsFailure
        {
            Kind = TlsFailureKind.HandshakeTimeout,
            Message = $"TLS handshake timed out after {seconds}s: {what}",
            DuringHandshake = true,
        });

        // A silent peer may never read the close either: abort rather than wait for the buffer to drain.
        _aborting = true;
        Lower.AbortConnection();
    }

    /// <summary>The application threw: log it and drop the connection with that exception as the reason.</summary>
    private void FailFromProtocol(Exception exception)
    {
        if (_lowerLost || _aborting)
        {
            return;
        }

        TlsLayerLog.ProtocolFailed(NetScopeLogging.CreateLogger(TlsLayerLog.Category), exception, _app.GetType().Name);
        _protocolError = exception;
        _aborting = true;
        SettleHandshakeWaiters(exception);
        Lower.AbortConnection();
    }

    private void SettleHandshakeWaiters(Exception reason)
    {
        if (_handshakeReported)
        {
            return;
        }

        _handshakeReported = true;
        _handshakeOutcome = reason;
        var waiters = _handshakeWaiters;
        _handshakeWaiters = null;
        if (waiters is not null)
        {
            foreach (var waiter in waiters)
            {
                waiter.Errback(reason);
            }
        }
    }
}
