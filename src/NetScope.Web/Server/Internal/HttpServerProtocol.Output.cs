using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Web.Server.Internal;

/// <summary>Sending: straight to the transport, or through the shaper that drips or cuts; producers; closing.</summary>
internal sealed partial class HttpServerProtocol
{
    private readonly ReadOnlyMemory<byte>[] _pair = new ReadOnlyMemory<byte>[2];
    private byte[] _headBuffer = new byte[512];
    private ResponseShaper? _shaper;
    private IDelayedCall? _lingerTimer;

    /// <summary>Whether responses go through a shaper (drip or close-after), which must see heads and bodies apart.</summary>
    internal bool IsShaped => _shaper is not null;

    /// <summary>The buffer heads are composed in; its content may be reused once a send returns.</summary>
    internal byte[] HeadBuffer => _headBuffer;

    internal byte[] GetHeadBuffer(int length)
    {
        if (_headBuffer.Length < length)
        {
            _headBuffer = new byte[Math.Max(length, _headBuffer.Length * 2)];
        }

        return _headBuffer;
    }

    internal void SendHead(ReadOnlySpan<byte> data)
    {
        if (_lost)
        {
            return;
        }

        if (_shaper is null)
        {
            _transport.Write(data);
        }
        else
        {
            _shaper.Write(data, isBody: false);
        }
    }

    internal void SendBody(ReadOnlySpan<byte> data)
    {
        if (_lost)
        {
            return;
        }

        if (_shaper is null)
        {
            _transport.Write(data);
        }
        else
        {
            _shaper.Write(data, isBody: true);
        }
    }

    /// <summary>Sends a head and a body in one vectored write, without copying either.</summary>
    internal void SendHeadAndBody(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body)
    {
        if (_lost)
        {
            return;
        }

        if (_shaper is not null)
        {
            _shaper.Write(head.Span, isBody: false);
            _shaper.Write(body.Span, isBody: true);
            return;
        }

        _pair[0] = head;
        _pair[1] = body;
        _transport.WriteSequence(_pair);
        _pair[0] = default;
        _pair[1] = default;
    }

    internal void RegisterProducer(IProducer producer, bool streaming)
    {
        if (_shaper is null)
        {
            _transport.RegisterProducer(producer, streaming);
        }
        else
        {
            _shaper.RegisterProducer(producer, streaming);
        }
    }

    internal void UnregisterProducer()
    {
        if (_lost)
        {
            return;
        }

        if (_shaper is null)
        {
            _transport.UnregisterProducer();
        }
        else
        {
            _shaper.UnregisterProducer();
        }
    }

    /// <summary>Drops the connection at once (a response that failed after its head was sent).</summary>
    internal void AbortConnection()
    {
        _stopReading = true;
        _closing = true;
        CancelTimers();
        if (!_lost)
        {
            _transport.AbortConnection();
        }
    }

    /// <summary>
    /// Closes after the last answer: sends FIN once everything is out, keeps reading and discarding for
    /// <see cref="SiteOptions.LingerTimeout"/> so unread client bytes do not turn the close into a reset that
    /// destroys the answer, then closes for good (the client usually closes first).
    /// </summary>
    private void CloseGracefully()
    {
        if (_closing || _lost)
        {
            return;
        }

        _closing = true;
        _stopReading = true;
        CancelTimers();
        _pending = null;
        _pendingLength = 0;
        if (_readingPaused)
        {
            _readingPaused = false;
            _transport.ResumeProducing();
        }

        if (_shaper is null)
        {
            CloseTransport();
        }
        else
        {
            _shaper.WhenDrained(CloseTransport);
        }
    }

    private void CloseTransport()
    {
        if (_lost)
        {
            return;
        }

        var linger = _options.LingerTimeout.TotalSeconds;
        if (_transport is ITcpTransport tcp && linger > 0)
        {
            tcp.LoseWriteConnection();
            _lingerTimer = _site.Clock.CallLater(linger, () =>
            {
                _lingerTimer = null;
                if (!_lost)
                {
                    _transport.LoseConnection();
                }
            });
        }
        else
        {
            _transport.LoseConnection();
        }
    }

    /// <summary>The shaper cut the connection after its byte budget: nothing more is read or answered.</summary>
    private void OnCut()
    {
        _stopReading = true;
        _closing = true;
        CancelTimers();
        _current?.MarkCutShort();
    }
}
