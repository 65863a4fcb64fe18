using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Internal;

/// <summary>
/// One connection of a <see cref="Site"/> (twisted.web's <c>HTTPChannel</c>): feeds what arrives to a request
/// parser, answers one request at a time and strictly in order, keeps the bytes of pipelined requests until the
/// response before them is finished, and closes after errors, timeouts and <c>Connection: close</c>.
/// </summary>
/// <remarks>
/// A client that shuts down its sending side after its requests (<c>printf … | socat - TCP:…</c>) is answered:
/// the end of what it sends stops reading, every request already received is answered in order, and then the
/// connection closes. Only the loss of the whole connection means the client went away.
/// </remarks>
/// <remarks>
/// <para>The parser is told to stop after each request, so a later request is not even parsed before the earlier
/// response is done; its bytes wait in <see cref="_pending"/> (reading pauses past
/// <see cref="SiteOptions.MaxPipelinedBytes"/>).</para>
/// </remarks>
internal sealed partial class HttpServerProtocol : IProtocol, IHalfCloseableProtocol
{
    private readonly Site _site;
    private readonly SiteOptions _options;
    private readonly HttpRequestParser _parser;
    private ITransport _transport = null!;
    private EndPoint _peer = new IPEndPoint(IPAddress.None, 0);

    // Bytes received but not fed to the parser yet, because a response is in progress.
    private byte[]? _pending;
    private int _pendingStart;
    private int _pendingLength;
    private bool _feeding;
    private bool _readingPaused;

    // The request whose body is arriving, the one just completed by the parser, and the one being answered.
    private Request? _receiving;
    private Request? _completed;
    private Request? _current;
    private HttpParseError? _parseError;
    private int _served;

    // No more requests are read (an error, Connection: close, a refused body); the connection closes after the current answer.
    private bool _stopReading;

    // The client finished sending (FIN): what it sent is answered, then the connection closes.
    private bool _readClosed;

    // The connection is closing: whatever arrives is discarded.
    private bool _closing;
    private bool _lost;

    public HttpServerProtocol(Site site)
    {
        _site = site;
        _options = site.Options;
        _parser = new HttpRequestParser(this, _options.ParserOptions);
    }

    public Site Site => _site;

    public EndPoint Peer => _peer;

    public void MakeConnection(ITransport transport)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _peer = transport.GetPeer();
        if (_options.DripBytesPerSecond is not null || _options.CloseAfterBytes is not null)
        {
            _shaper = new ResponseShaper(transport, _site.Clock, _options.DripBytesPerSecond, _options.CloseAfterBytes ?? long.MaxValue, OnCut);
        }

        _site.OpenConnections++;
        ConnectionMade();
    }

    public void ConnectionMade() => UpdateDeadline(_site.Clock.Seconds());

    public void DataReceived(ReadOnlySpan<byte> data)
    {
        if (_closing || _lost)
        {
            // Lingering after the last answer: read and forget, so closing does not reset the connection.
            return;
        }

        if (_current is not null || _pendingLength > 0 || _stopReading)
        {
            if (!_stopReading)
            {
                Buffer(data);
                if (_current is null)
                {
                    DrainPending();
                }
            }

            return;
        }

        var consumed = Feed(data);
        if (consumed < data.Length && !_stopReading && !_closing && !_lost)
        {
            Buffer(data[consumed..]);
        }

        UpdateDeadline(_site.Clock.Seconds());
    }

    public void ReadConnectionLost()
    {
        if (_readClosed || _lost)
        {
            return;
        }

        _readClosed = true;
        if (_closing)
        {
            // Already closing after an answer: the transport ends the connection once its own FIN is out.
            return;
        }

        if (_current is null)
        {
            DrainPending();
        }

        CloseIfAllAnswered();
    }

    public void WriteConnectionLost()
    {
        // Only this side's FIN after the last answer shuts the write side: the linger timer or the client's FIN ends the rest.
    }

    public void ConnectionLost(Failure reason)
    {
        if (_lost)
        {
            return;
        }

        _lost = true;
        CancelTimers();
        _shaper?.Stop();
        var current = _current;
        _current = null;
        if (current is not null)
        {
            current.ConnectionLost(reason);
            Log(current);
        }

        _receiving?.DisposeBody();
        _receiving = null;
        _completed?.DisposeBody();
        _completed = null;
        _pending = null;
        _pendingLength = 0;
        _site.OpenConnections--;
    }

    /// <summary>
    /// Parses <paramref name="data"/> and answers each request it completes, until the data runs out, a response
    /// goes on after its resource returned, or the connection stops reading.
    /// </summary>
    /// <returns>How many bytes the parser took.</returns>
    private int Feed(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        _feeding = true;
        try
        {
            while (true)
            {
                if (_completed is { } request)
                {
                    _completed = null;
                    Begin(request);
                    continue;
                }

                if (_parseError is { } error)
                {
                    _parseError = null;
                    RespondToParseError(error);
                    break;
                }

                if (_current is not null || _stopReading || _closing || _lost || offset == data.Length)
                {
                    break;
                }

                offset += _parser.Feed(data[offset..]);
            }
        }
        finally
        {
            _feeding = false;
        }

        return offset;
    }

    /// <summary>Feeds the bytes kept while the previous response was in progress.</summary>
    private void DrainPending()
    {
        if (_pendingLength > 0 && _pending is { } pending)
        {
            var consumed = Feed(pending.AsSpan(_pendingStart, _pendingLength));
            if (_closing || _lost)
            {
                return;
            }

            _pendingStart += consumed;
            _pendingLength -= consumed;
            if (_pendingLength == 0)
            {
                _pendingStart = 0;
            }
        }

        if (_readingPaused && _pendingLength <= _options.MaxPipelinedBytes && !_closing)
        {
            _readingPaused = false;
            _transport.ResumeProducing();
        }

        if (_readClosed)
        {
            CloseIfAllAnswered();
            return;
        }

        UpdateDeadline(_site.Clock.Seconds());
    }

    /// <summary>
    /// After the client's FIN: once no request is being answered or waits to be, closes. What is left then is at most
    /// the start of a request that can never complete.
    /// </summary>
    private void CloseIfAllAnswered()
    {
        if (!_readClosed || _closing || _lost || _current is not null || _completed is not null || _feeding)
        {
            return;
        }

        _receiving?.DisposeBody();
        _receiving = null;
        CloseGracefully();
    }

    private void Buffer(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        var pending = _pending;
        if (pending is null)
        {
            pending = _pending = new byte[Math.Max(4096, data.Length)];
        }
        else if (_pendingStart + _pendingLength + data.Length > pending.Length)
        {
            var needed = _pendingLength + data.Length;
            if (needed > pending.Length)
            {
                var grown = new byte[Math.Max(needed, pending.Length * 2)];
                pending.AsSpan(_pendingStart, _pendingLength).CopyTo(grown);
                pending = _pending = grown;
            }
            else
            {
                pending.AsSpan(_pendingStart, _pendingLength).CopyTo(pending);
            }

            _pendingStart = 0;
        }

        data.CopyTo(pending.AsSpan(_pendingStart + _pendingLength));
        _pendingLength += data.Length;
        if (_pendingLength > _options.MaxPipelinedBytes && !_readingPaused)
        {
            _readingPaused = true;
            _transport.PauseProducing();
        }
    }
}
