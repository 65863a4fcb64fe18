using System.Net.Sockets;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Transports.Tcp;

/// <content>Closing: flush-then-close, half-close, abort, and the final notification.</content>
internal sealed partial class TcpConnection
{
    private bool _disconnecting;
    private bool _aborting;
    private bool _writeDisconnecting;
    private bool _writeShutDown;
    private bool _disconnected;
    private bool _finishScheduled;

    /// <summary>Closes the socket after what is buffered, bypassing a TLS layer (no close_notify).</summary>
    internal void LoseConnectionRaw()
    {
        if (_disconnected || _disconnecting)
        {
            return;
        }

        _disconnecting = true;
        Stats.Transition(TransportState.Closing);

        // As in Twisted: no more data is delivered once the protocol asked to close.
        SetInterest(read: false, write: WatchWrite);
        if (_buffer.Length == 0 && _producer is null)
        {
            ScheduleFinishClosing();
        }
    }

    /// <summary>Sends FIN after what is buffered, bypassing a TLS layer.</summary>
    internal void LoseWriteConnectionRaw()
    {
        if (_disconnected || _aborting || _writeDisconnecting || _writeShutDown)
        {
            return;
        }

        _writeDisconnecting = true;
        if (_buffer.Length == 0 && _producer is null)
        {
            ScheduleFinishClosing();
        }
    }

    /// <inheritdoc/>
    public void AbortConnection()
    {
        if (_disconnected || _aborting)
        {
            return;
        }

        // From here on nothing more is sent, not even what is written after this call or a
        // close already scheduled by LoseConnection (Twisted's _aborting).
        _aborting = true;
        _disconnecting = true;
        _buffer.Clear();
        Stats.WriteBufferSize = 0;
        SetInterest(read: false, write: false);

        // Reported from the loop, not from inside the caller, as Twisted does.
        _reactor.CallLater(0, () => CloseAndNotify(new ConnectionAbortedException("connection aborted"), abortive: true));
    }

    /// <summary>
    /// Ends the connection: stops watching it, closes the socket, stops the producer and tells
    /// the protocol (and, for a client, its factory) why.
    /// </summary>
    internal void CloseAndNotify(Exception reason, bool abortive = false)
    {
        if (_disconnected)
        {
            return;
        }

        _disconnected = true;
        _reactor.Unregister(this);
        _socket.Close(abortive);
        _buffer.Clear();
        Stats.WriteBufferSize = 0;
        var clean = reason is ConnectionDoneException;
        Stats.Transition(clean ? TransportState.Closed : TransportState.Failed, reason.Message);

        var producer = _producer;
        _producer = null;
        if (producer is not null)
        {
            Stats.Producer = ProducerState.Stopped;
            try
            {
                producer.StopProducing();
            }
            catch (Exception exception)
            {
                ReactorLog.ProtocolFailed(_reactor.Logger, exception, producer.GetType().Name);
            }
        }

        _reactor.ConnectionClosed(this);
        var failure = new Failure(reason);
        try
        {
            _protocol.ConnectionLost(failure);
        }
        catch (Exception exception)
        {
            ReactorLog.ProtocolFailed(_reactor.Logger, exception, _protocol.GetType().Name);
        }

        _connector?.ConnectionLost(failure);
    }

    private void ScheduleFinishClosing()
    {
        if (_finishScheduled)
        {
            return;
        }

        _finishScheduled = true;
        _reactor.CallLater(0, () =>
        {
            _finishScheduled = false;
            if (_buffer.Length == 0 && _producer is null)
            {
                FinishClosing();
            }
        });
    }

    /// <summary>Everything written has been sent: close, or half-close, as asked.</summary>
    private void FinishClosing()
    {
        if (_disconnected || _aborting)
        {
            return;
        }

        if (_disconnecting)
        {
            CloseAndNotify(new ConnectionDoneException("connection closed"));
            return;
        }

        if (_writeDisconnecting && !_writeShutDown)
        {
            _writeShutDown = true;
            _writeDisconnecting = false;
            var error = _socket.ShutdownSend();
            if (error != SocketError.Success && error != SocketError.NotConnected)
            {
                CloseAndNotify(LostBecause(error));
                return;
            }

            Stats.Transition(TransportState.WriteClosed, "this side finished sending");
            if (_protocol is IHalfCloseableProtocol halfCloseable)
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

            if (_readShutDown)
            {
                CloseAndNotify(new ConnectionDoneException("connection closed"));
            }
        }
    }
}
