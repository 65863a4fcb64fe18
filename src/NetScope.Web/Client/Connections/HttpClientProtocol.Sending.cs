using NetScope.Core.Defer;
using NetScope.Core.Observation;

namespace NetScope.Web.Client.Connections;

/// <content>Writing a request: the head, and the body in one write or from a producer under flow control.</content>
internal sealed partial class HttpClientProtocol
{
    private IHttpBodyProducer? _producer;
    private RequestBodyWriter? _bodyWriter;

    /// <summary>Sends <paramref name="exchange"/>'s request; its response reaches the exchange.</summary>
    /// <exception cref="InvalidOperationException">The connection is not idle.</exception>
    public void Request(HttpExchange exchange)
    {
        if (_state != State.Idle)
        {
            throw new InvalidOperationException($"The HTTP connection is {_state}, not idle: it cannot take a request.");
        }

        _state = State.Busy;
        _exchange = exchange;
        ResetResponseState();
        _parser.RequestMethod = exchange.Request.Method;
        exchange.Attach(this);
        using (ObservationScope.Enter(exchange.Scope))
        {
            var transport = Transport;
            var observer = exchange.Options.Observer;
            observer?.RequestHeadSent(exchange.Head);
            var body = exchange.Body;
            if (body is null || body.Length == 0)
            {
                transport.Write(exchange.Head);
                exchange.Mark(HttpPhase.RequestSent);
                return;
            }

            var inline = body.InlineBytes;
            if (!inline.IsEmpty)
            {
                transport.WriteSequence([exchange.Head, inline]);
                observer?.RequestBodySent(inline.Span);
                exchange.Mark(HttpPhase.RequestSent);
                return;
            }

            StartBody(exchange, body);
        }
    }

    private void StartBody(HttpExchange exchange, HttpRequestBody body)
    {
        IHttpBodyProducer producer;
        try
        {
            producer = body.CreateProducer(_clock);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            FailSending(exchange, exception);
            return;
        }

        var transport = Transport;
        transport.Write(exchange.Head);
        _producer = producer;
        _bodyWriter = new RequestBodyWriter(transport, producer.Length, exchange.Options.Observer, error => FailSending(exchange, error));
        transport.RegisterProducer(producer, streaming: true);
        Deferred produced;
        try
        {
            produced = producer.StartProducing(_bodyWriter);
        }
        catch (Exception exception)
        {
            FailSending(exchange, exception);
            return;
        }

        produced.AddCallbacks(
            _ =>
            {
                BodyProduced(exchange, producer);
                return null;
            },
            failure =>
            {
                if (ReferenceEquals(_producer, producer))
                {
                    FailSending(exchange, failure.Value);
                }

                return null;
            });
    }

    private void BodyProduced(HttpExchange exchange, IHttpBodyProducer producer)
    {
        if (!ReferenceEquals(_producer, producer))
        {
            // Stopped in the meantime (the response came first, or the connection went away).
            return;
        }

        _producer = null;
        Transport.UnregisterProducer();
        var writer = _bodyWriter!;
        _bodyWriter = null;
        if (writer.Finish() is { } error)
        {
            FailSending(exchange, error);
            return;
        }

        exchange.Mark(HttpPhase.RequestSent);
    }

    /// <summary>The body could not be produced: the request is given up and the connection aborted.</summary>
    private void FailSending(HttpExchange exchange, Exception error)
    {
        if (!ReferenceEquals(_exchange, exchange) || _state != State.Busy)
        {
            return;
        }

        StopProducer(unregister: true);
        exchange.Abort(error);
    }

    /// <summary>Stops the body producer, if one is running.</summary>
    private void StopProducer(bool unregister)
    {
        var producer = _producer;
        if (producer is null)
        {
            return;
        }

        _producer = null;
        _bodyWriter?.Disable();
        _bodyWriter = null;
        if (unregister)
        {
            Transport.UnregisterProducer();
        }

        producer.StopProducing();
    }
}
