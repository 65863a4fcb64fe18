namespace NetScope.Core.Tls;

/// <summary>The data half of the engine: the read loop, queued writes and close_notify.</summary>
public sealed partial class TlsEngine
{
    private async Task ReadLoopAsync()
    {
        while (true)
        {
            if (_receivingPaused)
            {
                _resumeReceiving = new TaskCompletionSource();
                await _resumeReceiving.Task.ConfigureAwait(false);
                await BackToEngineThread();
                if (IsFinished)
                {
                    return;
                }

                continue;
            }

            var received = 0;
            Exception? error = null;
            try
            {
                received = await _ssl.ReadAsync(_readBuffer).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                error = e;
            }

            await BackToEngineThread();
            if (IsFinished)
            {
                return;
            }

            if (error is not null)
            {
                ReadFailed(error);
                return;
            }

            if (received == 0)
            {
                ReadEnded();
                return;
            }

            _host.PlaintextReceived(_readBuffer.AsSpan(0, received));
        }
    }

    /// <summary>SslStream reports 0 both for close_notify and for a bare EOF; the BIO knows which.</summary>
    private void ReadEnded()
    {
        if (_bio.EndOfStreamDelivered)
        {
            TransportEndedWithoutCloseNotify("peer closed the connection without close_notify: the data may be truncated");
            return;
        }

        CloseNotifyReceived = true;
        _host.CloseNotifyReceived();
        if (!IsFinished && (CloseNotifySent || _transportClosed))
        {
            State = TlsEngineState.Closed;
        }
    }

    private void ReadFailed(Exception error)
    {
        if (_bio.EndOfStreamDelivered)
        {
            TransportEndedWithoutCloseNotify("peer closed the connection in the middle of a TLS record: the data is truncated");
            return;
        }

        Fail(TlsFailureClassifier.ClassifyAfterHandshake(error));
    }

    private void TransportEndedWithoutCloseNotify(string message)
    {
        if (CloseNotifySent)
        {
            // This side closed first; the peer hanging up instead of answering is the expected end.
            State = TlsEngineState.Closed;
            return;
        }

        Fail(new TlsFailure
        {
            Kind = TlsFailureKind.TruncatedClose,
            Message = _transportError is null ? message : $"{message} (connection error: {_transportError.Message})",
            DuringHandshake = false,
            Exception = _transportError,
        });
    }

    private void StartFlush()
    {
        if (!_flushing)
        {
            _ = FlushAsync();
        }
    }

    /// <summary>
    /// Writes queued plaintext one segment at a time (SslStream allows a single write in flight), then sends
    /// close_notify if <see cref="Shutdown"/> asked for it. Each write completes synchronously in practice,
    /// because the memory stream hands ciphertext to the host at once.
    /// </summary>
    private async Task FlushAsync()
    {
        _flushing = true;
        try
        {
            while (!IsFinished && _outbound.TryTake(out var segment))
            {
                Exception? error = null;
                try
                {
                    await _ssl.WriteAsync(segment.Memory).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    error = e;
                }

                await BackToEngineThread();
                _outbound.Release(segment);
                if (IsFinished)
                {
                    return;
                }

                if (error is not null)
                {
                    FailWrite(error);
                    return;
                }
            }

            if (_shutdownRequested && !CloseNotifySent && !IsFinished)
            {
                await SendCloseNotifyAsync();
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task SendCloseNotifyAsync()
    {
        Exception? error = null;
        try
        {
            await _ssl.ShutdownAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }

        await BackToEngineThread();
        if (IsFinished)
        {
            return;
        }

        if (error is not null)
        {
            FailWrite(error);
            return;
        }

        CloseNotifySent = true;
        if (CloseNotifyReceived || _transportClosed)
        {
            State = TlsEngineState.Closed;
        }
    }

    private void FailWrite(Exception error) => Fail(new TlsFailure
    {
        Kind = TlsFailureKind.ConnectionError,
        Message = "TLS error while sending: " + TlsFailureClassifier.PlatformMessage(error),
        DuringHandshake = false,
        Exception = error,
    });
}
