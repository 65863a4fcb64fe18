using System.Net.Sockets;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Transports.Tcp;

/// <content>The read side, and the transport as a push producer of received data.</content>
internal sealed partial class TcpConnection
{
    private bool _readShutDown;

    /// <inheritdoc/>
    public override void OnReadable()
    {
        var buffer = _reactor.ReadBuffer;
        var count = _socket.Receive(buffer, out var error);
        if (count > 0)
        {
            Stats.RecordReceived(count);
            try
            {
                _protocol.DataReceived(buffer.AsSpan(0, count));
            }
            catch (Exception exception)
            {
                FailFromProtocol(exception);
            }

            return;
        }

        if (count == 0)
        {
            OnEndOfStream();
            return;
        }

        if (error is SocketError.WouldBlock or SocketError.Interrupted)
        {
            return;
        }

        CloseAndNotify(LostBecause(error));
    }

    /// <summary>Stops reading the socket, bypassing a TLS layer.</summary>
    internal void PauseProducingRaw()
    {
        Stats.ReadingPaused = true;
        SetInterest(read: false, write: WatchWrite);
    }

    /// <summary>Reads the socket again, bypassing a TLS layer.</summary>
    internal void ResumeProducingRaw()
    {
        Stats.ReadingPaused = false;
        if (!_disconnecting && !_readShutDown)
        {
            SetInterest(read: true, write: WatchWrite);
        }
    }

    private void OnEndOfStream()
    {
        _readShutDown = true;
        if (_protocol is IHalfCloseableProtocol halfCloseable && !_disconnecting)
        {
            SetInterest(read: false, write: WatchWrite);
            Stats.Transition(TransportState.ReadClosed, "peer finished sending");
            try
            {
                halfCloseable.ReadConnectionLost();
            }
            catch (Exception exception)
            {
                FailFromProtocol(exception);
                return;
            }

            if (_writeShutDown && !_disconnected)
            {
                CloseAndNotify(new ConnectionDoneException("connection closed"));
            }

            return;
        }

        CloseAndNotify(new ConnectionDoneException("connection closed by peer"));
    }

    /// <summary>The exception for a connection ended by <paramref name="error"/>.</summary>
    private static Exception LostBecause(SocketError error) => error switch
    {
        SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted =>
            new ConnectionResetException("connection reset by peer"),
        _ => new ConnectionLostException($"connection lost: {SocketErrorText.Describe(error)}"),
    };

    /// <summary>The protocol threw: log it and drop the connection with that error as the reason.</summary>
    private void FailFromProtocol(Exception exception)
    {
        if (_disconnected)
        {
            return;
        }

        ReactorLog.ProtocolFailed(_reactor.Logger, exception, _protocol?.GetType().Name ?? "?");
        _buffer.Clear();
        CloseAndNotify(exception, abortive: true);
    }
}
