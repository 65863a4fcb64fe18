using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Observation;
using NetScope.Web.Http;

namespace NetScope.Web.Client.Connections;

/// <content>Reading a response: parsing, handing the response out, streaming its body, and what ends it.</content>
internal sealed partial class HttpClientProtocol
{
    private HttpResponse? _response;
    private HttpResponseHead? _head;
    private HttpParseError? _parseError;
    private bool _headPending;
    private bool _responseComplete;
    private bool _anyResponseByte;
    private bool _readingPaused;

    /// <inheritdoc/>
    public void DataReceived(ReadOnlySpan<byte> data)
    {
        var exchange = _exchange;
        if (_state != State.Busy || exchange is null)
        {
            if (_state == State.Idle)
            {
                // A server may not speak unasked: whatever it is saying, this connection cannot be trusted.
                _state = State.Closing;
                IdleLost?.Invoke(this);
                IdleLost = null;
                _transport?.LoseConnection();
            }

            return;
        }

        using (ObservationScope.Enter(exchange.Scope))
        {
            if (!_anyResponseByte)
            {
                _anyResponseByte = true;
                exchange.Mark(HttpPhase.FirstByte);
            }

            exchange.Options.Observer?.ResponseDataReceived(data);
            int consumed;
            _feeding = true;
            try
            {
                consumed = _parser.Feed(data);
            }
            finally
            {
                _feeding = false;
            }

            AfterParse(exchange, data.Length - consumed);
        }

        if (_lostWhileFeeding is { } lost)
        {
            _lostWhileFeeding = null;
            Lost(lost);
        }
    }

    /// <inheritdoc/>
    void IHttpResponseHandler.OnInformationalResponse(HttpResponseHead head) => _exchange?.Options.Observer?.ResponseHeadReceived(head);

    /// <inheritdoc/>
    void IHttpResponseHandler.OnResponseHead(HttpResponseHead head)
    {
        var exchange = _exchange!;
        _head = head;
        exchange.Mark(HttpPhase.Headers);
        exchange.Options.Observer?.ResponseHeadReceived(head);
        var length = head.BodyFraming switch
        {
            HttpBodyFraming.None => 0,
            HttpBodyFraming.ContentLength => head.ContentLength,
            _ => -1,
        };
        _response = new HttpResponse(exchange.Request, head.Version, head.StatusCode, head.ReasonPhrase, head.Headers, length, exchange.Timings, this);
        _headPending = true;
    }

    /// <inheritdoc/>
    void IHttpResponseHandler.OnBody(ReadOnlySpan<byte> data) => _response!.OnBodyData(data);

    /// <inheritdoc/>
    void IHttpResponseHandler.OnTrailers(HttpHeaders trailers) => _response!.Trailers = trailers;

    /// <inheritdoc/>
    bool IHttpResponseHandler.OnResponseComplete()
    {
        // Stop right after it: what follows, if anything, is not ours to parse yet.
        _responseComplete = true;
        return false;
    }

    /// <inheritdoc/>
    void IHttpResponseHandler.OnError(HttpParseError error) => _parseError = error;

    /// <inheritdoc/>
    void Bodies.IResponseBodySource.SetReading(bool reading)
    {
        if (_state != State.Busy)
        {
            return;
        }

        if (reading)
        {
            ResumeReading();
        }
        else
        {
            PauseReading();
        }
    }

    /// <inheritdoc/>
    void Bodies.IResponseBodySource.StopBody()
    {
        if (_exchange is { } exchange && _state == State.Busy)
        {
            exchange.Abort(new ConnectionAbortedException("the response body was abandoned"));
        }
    }

    private void ResetResponseState()
    {
        _response = null;
        _head = null;
        _parseError = null;
        _headPending = false;
        _responseComplete = false;
        _anyResponseByte = false;
    }

    /// <summary>Acts on what one <c>Feed</c> found, now that the parser is no longer running.</summary>
    private void AfterParse(HttpExchange exchange, int leftover)
    {
        if (_parser.IsUpgraded && _parseError is null)
        {
            // Handed out only once the connection is ready for what comes next (the request through the tunnel).
            _headPending = false;
            _responseComplete = false;
            if (leftover > 0)
            {
                exchange.Abort(new HttpResponseException($"the server sent {leftover} bytes right after switching protocols, before being spoken to"));
                return;
            }

            SwitchedProtocols(exchange);
            return;
        }

        if (_headPending)
        {
            _headPending = false;
            var response = _response!;
            exchange.Deliver(response);
            if (ReferenceEquals(_response, response) && !_responseComplete && !response.IsReading)
            {
                // Nobody reads the body yet: stop reading so that it waits in the kernel, not in memory.
                PauseReading();
            }
        }

        if (!ReferenceEquals(_exchange, exchange) || _state != State.Busy)
        {
            return;
        }

        if (_parseError is { } error)
        {
            _parseError = null;
            exchange.Abort(new HttpResponseException(error));
            return;
        }

        if (_responseComplete)
        {
            _responseComplete = false;
            FinishResponse(exchange, reusable: leftover == 0);
        }
    }

    /// <summary>The response is complete: the connection goes idle (and back to the pool) or closes.</summary>
    private void FinishResponse(HttpExchange exchange, bool reusable)
    {
        var response = _response!;
        var head = _head!;
        var reuse = reusable && head.KeepAlive && !exchange.ConnectionClose && _producer is null;
        if (_producer is not null)
        {
            // The server answered before taking the whole body (a 413, say): stop sending it.
            StopProducer(unregister: true);
        }

        _exchange = null;
        _response = null;
        _head = null;
        ResumeReading();
        if (reuse)
        {
            _state = State.Idle;
        }
        else
        {
            _state = State.Closing;
            _transport?.LoseConnection();
        }

        exchange.Complete();
        if (reuse)
        {
            Reusable?.Invoke(this);
        }

        response.OnBodyEnd(null);
    }

    /// <summary>A 2xx answer to CONNECT opened a tunnel (the connection now carries the origin's requests); a 101 ends HTTP here.</summary>
    private void SwitchedProtocols(HttpExchange exchange)
    {
        var response = _response!;
        _exchange = null;
        _response = null;
        _head = null;
        ResumeReading();
        if (string.Equals(exchange.Request.Method, HttpMethods.Connect, StringComparison.Ordinal))
        {
            _parser = new HttpResponseParser(this, _parserOptions);
            _state = State.Idle;
        }
        else
        {
            _state = State.Closing;
            _transport?.LoseConnection();
        }

        exchange.Complete();
        exchange.Deliver(response);
        response.OnBodyEnd(null);
    }

    /// <summary>The connection ended while a request was in progress.</summary>
    private void ExchangeLost(HttpExchange exchange, Failure reason)
    {
        // The transport has stopped the producer itself.
        _producer = null;
        _bodyWriter?.Disable();
        _bodyWriter = null;
        if (IsClose(reason) && exchange.AbortReason is null)
        {
            // Only a close ends a body that runs until the close; a reset or an abort cuts it short.
            _feeding = true;
            try
            {
                _parser.FeedEnd();
            }
            finally
            {
                _feeding = false;
            }
        }

        var response = _response;
        _exchange = null;
        _response = null;
        _head = null;
        if (_responseComplete && response is not null)
        {
            // A body that runs until the connection closes is complete now.
            _responseComplete = false;
            exchange.Complete();
            response.OnBodyEnd(null);
            return;
        }

        // A reset or another error says more than "incomplete"; a clean close is explained by what was missing.
        var error = exchange.AbortReason
            ?? (!IsClose(reason) ? reason.Value
            : _parseError is { } parse ? Describe(parse, response)
            : response is null && !_anyResponseByte ? NoResponse(reason)
            : reason.Value);
        _parseError = null;
        if (response is null)
        {
            exchange.FailBeforeResponse(error, retryable: !_anyResponseByte && exchange.Reused);
            return;
        }

        exchange.Fail(error);
        response.OnBodyEnd(error);
    }

    private static HttpResponseException Describe(HttpParseError error, HttpResponse? response)
    {
        if (error.Kind != HttpParseErrorKind.IncompleteMessage)
        {
            return new HttpResponseException(error);
        }

        if (response is null)
        {
            return new HttpResponseException("the connection closed in the middle of the response head");
        }

        return response.ContentLength >= 0
            ? new HttpResponseException($"the connection closed after {response.BodyBytesReceived} of {response.ContentLength} body bytes")
            : new HttpResponseException($"the connection closed before the end of the chunked body ({response.BodyBytesReceived} bytes received)");
    }

    private void PauseReading()
    {
        if (!_readingPaused && _state == State.Busy)
        {
            _readingPaused = true;
            _transport?.PauseProducing();
        }
    }

    private void ResumeReading()
    {
        if (_readingPaused)
        {
            _readingPaused = false;
            _transport?.ResumeProducing();
        }
    }
}
