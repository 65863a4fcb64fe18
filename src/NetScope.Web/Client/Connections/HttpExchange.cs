using System.Globalization;
using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Web.Client.Connections;

/// <summary>
/// One request from the call to the end of its body: the Deferred the caller holds, the timings, the observer,
/// the time limit, and whatever is working on it right now (a connection attempt or a connection). A retry on
/// a fresh connection keeps the same exchange.
/// </summary>
internal sealed class HttpExchange
{
    private readonly IReactorTime _clock;
    private IDelayedCall? _timer;
    private Deferred? _connecting;
    private HttpClientProtocol? _protocol;

    public HttpExchange(IReactorTime clock, HttpConnectionKey key, HttpSentRequest request, byte[] head, HttpRequestBody? body, HttpExchangeOptions options, bool connectionClose)
    {
        _clock = clock;
        Key = key;
        Request = request;
        Head = head;
        Body = body;
        Options = options;
        ConnectionClose = connectionClose;
        Timings = new HttpRequestTimings(clock.Seconds());
        Scope = ObservationScope.Current;
        Response = new Deferred<HttpResponse>(_ => Abort(new CancelledException())).WithLabel($"{request.Method} {request.Url}");
    }

    /// <summary>The connections that can carry the request.</summary>
    public HttpConnectionKey Key { get; }

    /// <summary>The request as it is sent.</summary>
    public HttpSentRequest Request { get; }

    /// <summary>The request head's bytes.</summary>
    public byte[] Head { get; }

    /// <summary>The body, if any.</summary>
    public HttpRequestBody? Body { get; }

    /// <summary>The per-request settings.</summary>
    public HttpExchangeOptions Options { get; }

    /// <summary>Whether the request asked for the connection to close after it.</summary>
    public bool ConnectionClose { get; }

    /// <summary>The Deferred the caller holds.</summary>
    public Deferred<HttpResponse> Response { get; }

    /// <summary>The phase times, shared with the response.</summary>
    public HttpRequestTimings Timings { get; }

    /// <summary>The observation scope the request was made in; the connection's events for it run in it.</summary>
    public object? Scope { get; }

    /// <summary>Whether the current attempt runs on a connection taken from the pool.</summary>
    public bool Reused { get; set; }

    /// <summary>Whether the request was already retried on a fresh connection.</summary>
    public bool Retried { get; set; }

    /// <summary>Why the request was aborted (time limit, cancellation, a failing body producer); it wins over the connection's error.</summary>
    public Exception? AbortReason { get; private set; }

    /// <summary>Whether the request has ended, one way or the other.</summary>
    public bool Ended { get; private set; }

    /// <summary>Retries a request that failed on a reused connection before any response byte; returns whether it did.</summary>
    public Func<HttpExchange, bool>? Retry { get; set; }

    private IHttpExchangeObserver? Observer => Options.Observer;

    /// <summary>Starts the time limit, if the request has one.</summary>
    public void StartTimer()
    {
        if (Options.TimeoutSeconds > 0)
        {
            _timer = _clock.CallLater(Options.TimeoutSeconds, () =>
            {
                _timer = null;
                var what = Response.Called ? "the response body did not complete" : "no response";
                Abort(new HttpTimeoutException(string.Create(CultureInfo.InvariantCulture, $"{what} within {Options.TimeoutSeconds:0.###} s")));
            });
        }
    }

    /// <summary>The step of a connection attempt for this request now in progress (<see langword="null"/> once the attempt is over).</summary>
    public void SetConnecting(Deferred? step) => _connecting = step;

    /// <summary>A connection took the request.</summary>
    public void Attach(HttpClientProtocol protocol) => _protocol = protocol;

    /// <summary>Gives up the request for <paramref name="reason"/>: stops connecting, or aborts the connection.</summary>
    public void Abort(Exception reason)
    {
        if (Ended)
        {
            return;
        }

        AbortReason ??= reason;
        if (_connecting is { } connecting)
        {
            connecting.Cancel();
        }
        else if (_protocol is { } protocol)
        {
            protocol.Abort(this);
        }
        else
        {
            // Between attempts (nothing holds the request): fail it here.
            Fail(reason);
        }
    }

    /// <summary>Records a phase (and tells the observer) at the current time.</summary>
    public void Mark(HttpPhase phase) => Mark(phase, _clock.Seconds());

    /// <summary>Records a phase reached at <paramref name="time"/> (reactor clock).</summary>
    public void Mark(HttpPhase phase, double time)
    {
        if (Timings.Mark(phase, time))
        {
            Observer?.PhaseReached(phase, Timings[phase]!.Value);
        }
    }

    /// <summary>Records dns and connect from the new TCP connection's history.</summary>
    public void MarkConnected(TransportStats stats)
    {
        foreach (var change in stats.History)
        {
            if (change.State == TransportState.Connecting)
            {
                Mark(HttpPhase.Dns, change.Time);
            }
            else if (change.State == TransportState.Connected)
            {
                Mark(HttpPhase.Connect, change.Time);
            }
        }
    }

    /// <summary>Hands the response to the caller.</summary>
    public void Deliver(HttpResponse response)
    {
        if (!Response.Called)
        {
            Response.Callback(response);
        }
    }

    /// <summary>The request failed before its response arrived; a retry may take it on a fresh connection.</summary>
    public void FailBeforeResponse(Exception error, bool retryable)
    {
        _protocol = null;
        if (retryable && AbortReason is null && !Response.Called && Retry is { } retry && retry(this))
        {
            return;
        }

        Fail(AbortReason ?? error);
    }

    /// <summary>Ends the request with <paramref name="error"/> (the response's body gets it when the response was delivered).</summary>
    public void Fail(Exception error)
    {
        if (Ended)
        {
            return;
        }

        End(error);
        if (!Response.Called)
        {
            Response.Errback(error);
        }
    }

    /// <summary>The body is complete.</summary>
    public void Complete()
    {
        Mark(HttpPhase.Done);
        End(null);
    }

    private void End(Exception? error)
    {
        Ended = true;
        _connecting = null;
        _protocol = null;
        if (_timer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        _timer = null;
        Observer?.Finished(error);
    }
}
