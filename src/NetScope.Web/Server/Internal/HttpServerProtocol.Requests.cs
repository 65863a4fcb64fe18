using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Internal;

/// <summary>The parser's events, the start and end of each answer, and the answers the connection gives itself.</summary>
internal sealed partial class HttpServerProtocol : IHttpRequestHandler
{
    private static ReadOnlySpan<byte> ContinueResponse => "HTTP/1.1 100 Continue\r\n\r\n"u8;

    // What was decided when the head of the request now in _receiving or _completed arrived.
    private Exception? _routingFailure;
    private int _refusalStatus;
    private string? _refusalMessage;

    void IHttpRequestHandler.OnRequestHead(HttpRequestHead head)
    {
        var request = new Request(this, head, _site.Clock.Seconds(), _site.HasLogSubscribers ? _site.WallClockNow() : default);
        _receiving = request;
        _routingFailure = null;
        _refusalStatus = 0;
        _refusalMessage = null;
        if (ReferenceEquals(head.Method, HttpMethods.Connect))
        {
            // A 2xx answer to CONNECT turns the connection into a tunnel for the client, which this server never
            // opens; no resource may answer it (twisted.web answers 501 too).
            Refuse(request, 501, "This server does not open tunnels.");
            return;
        }

        bool wanted;
        try
        {
            request.Resource = _site.GetResourceFor(request);
            wanted = !head.ExpectContinue || request.Resource.WantsBody(request);
        }
        catch (Exception exception)
        {
            _routingFailure = exception;
            wanted = false;
        }

        if (head.Version == HttpProtocolVersion.Http11 && !head.ExpectContinue && head.Headers.Contains(HttpHeaderNames.Expect))
        {
            // RFC 9110 section 10.1.1: an expectation other than 100-continue may be refused with 417.
            Refuse(request, 417, "The only expectation this server meets is 100-continue.");
            return;
        }

        if (!head.ExpectContinue || head.BodyFraming == HttpBodyFraming.None || head.ContentLength == 0)
        {
            return;
        }

        if (wanted)
        {
            SendHead(ContinueResponse);
        }
        else
        {
            // Answer now without the body; the client may send it anyway, so the connection closes after.
            Refuse(request, 0, null);
        }
    }

    void IHttpRequestHandler.OnBody(ReadOnlySpan<byte> data)
    {
        var request = _receiving;
        if (request is null || _routingFailure is not null)
        {
            return;
        }

        try
        {
            request.AppendBody(data, _options.BodyMemoryLimit);
        }
        catch (IOException exception)
        {
            // Spilling to a temporary file failed (a full disk): answer 500 once the request is complete.
            _routingFailure = exception;
            request.DisposeBody();
        }
    }

    void IHttpRequestHandler.OnTrailers(HttpHeaders trailers)
    {
        if (_receiving is { } request)
        {
            request.RequestTrailers = trailers;
        }
    }

    bool IHttpRequestHandler.OnRequestComplete()
    {
        var request = _receiving;
        if (request is not null)
        {
            _receiving = null;
            _completed = request;
            if (!request.Head.KeepAlive)
            {
                _stopReading = true;
            }
        }

        // Always stop: the next request is parsed only once this one is answered.
        return false;
    }

    void IHttpRequestHandler.OnError(HttpParseError error)
    {
        if (!_stopReading)
        {
            _parseError = error;
        }
    }

    /// <summary>Called by a request once its response is finished.</summary>
    internal void RequestFinished(Request request)
    {
        if (!ReferenceEquals(request, _current))
        {
            return;
        }

        _current = null;
        Log(request);
        if (!request.Persistent)
        {
            CloseGracefully();
            return;
        }

        if (!_feeding)
        {
            DrainPending();
        }
    }

    /// <summary>Marks the request to be answered at once, without its body, and stops reading after it.</summary>
    private void Refuse(Request request, int status, string? message)
    {
        request.CloseAfter = true;
        _refusalStatus = status;
        _refusalMessage = message;
        _receiving = null;
        _completed = request;
        _stopReading = true;
    }

    private void Begin(Request request)
    {
        _current = request;
        _served++;
        ClearDeadline();
        var routingFailure = _routingFailure;
        var status = _refusalStatus;
        var message = _refusalMessage;
        _routingFailure = null;
        _refusalStatus = 0;
        _refusalMessage = null;
        request.Process(routingFailure, status, message);
    }

    private void RespondToParseError(HttpParseError error)
    {
        ServerLog.BadRequest(_site.Logger, _peer.ToString() ?? "?", error.ToString());
        _stopReading = true;
        var request = _receiving;
        _receiving = null;
        if (request is not null)
        {
            _current = request;
            _served++;
            request.RespondWithError(error.StatusCode, error.Message);
            return;
        }

        RespondWithoutRequest(error.StatusCode, error.Message);
    }

    /// <summary>Answers an error that came before any request head could be parsed, then closes.</summary>
    private void RespondWithoutRequest(int status, string message)
    {
        _stopReading = true;
        var body = Encoding.UTF8.GetBytes($"{status} {HttpReasonPhrases.Get(status)}: {message}\n");
        var head = new StringBuilder()
            .Append(Encoding.Latin1.GetString(StatusLines.Get(status, null)))
            .Append(Encoding.Latin1.GetString(_site.GetDateLine()))
            .Append(Encoding.Latin1.GetString(_site.ServerLine))
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n")
            .Append("Connection: close\r\n\r\n");
        SendHeadAndBody(Encoding.Latin1.GetBytes(head.ToString()), body);
        if (_site.HasLogSubscribers)
        {
            _site.Log(new HttpAccessLogEntry(_site.WallClockNow(), _peer, null, null, null, status, body.Length, TimeSpan.Zero, Completed: true));
        }

        CloseGracefully();
    }

    private void Log(Request request)
    {
        if (!_site.HasLogSubscribers)
        {
            return;
        }

        var duration = TimeSpan.FromSeconds(Math.Max(0, _site.Clock.Seconds() - request.StartSeconds));
        var time = request.StartTime == default ? _site.WallClockNow() - duration : request.StartTime;
        _site.Log(new HttpAccessLogEntry(
            time,
            _peer,
            request.Method,
            request.Uri,
            request.Version,
            request.StartedWriting ? request.Code : 0,
            request.BodyBytesSent,
            duration,
            Completed: request.Finished && !request.CutShort));
    }
}
