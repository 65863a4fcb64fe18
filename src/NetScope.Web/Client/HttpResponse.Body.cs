using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Web.Client.Bodies;

namespace NetScope.Web.Client;

/// <content>The body: delivery to one consumer, flow control, and the bytes held while nobody reads.</content>
public sealed partial class HttpResponse
{
    private readonly IResponseBodySource? _source;
    private IHttpBodyConsumer? _consumer;
    private byte[]? _pending;
    private int _pendingLength;
    private bool _paused;
    private bool _ended;
    private Exception? _endError;
    private bool _endDelivered;
    private bool _reading;
    private bool _flushing;

    /// <summary>Body bytes delivered to the consumer (or held for it) so far.</summary>
    public long BodyBytesReceived { get; private set; }

    /// <summary>Whether the body has ended (completely or not) at the source.</summary>
    public bool IsBodyEnded => _ended;

    /// <summary>Whether a consumer is attached and wants data now.</summary>
    internal bool IsReading => _reading;

    /// <summary>
    /// Streams the body to <paramref name="consumer"/>: <see cref="IHttpBodyConsumer.BodyStarted"/> at once,
    /// then the bytes held so far and the rest as it arrives.
    /// </summary>
    /// <param name="consumer">Receives the body.</param>
    /// <exception cref="InvalidOperationException">The body was already delivered.</exception>
    public void DeliverBody(IHttpBodyConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (_consumer is not null)
        {
            throw new InvalidOperationException("The response body was already delivered; it can be delivered once.");
        }

        _consumer = consumer;
        consumer.BodyStarted(new FlowControl(this));
        Flush();
        UpdateReading();
    }

    /// <summary>Reads the whole body into memory (Twisted's <c>readBody</c>); cancelling the Deferred aborts the connection.</summary>
    /// <returns>A Deferred that fires with the body, or fails with why it could not be read in full.</returns>
    /// <exception cref="InvalidOperationException">The body was already delivered.</exception>
    public Deferred<byte[]> ReadBody()
    {
        var collector = new BodyCollector(ContentLength, $"body of {Method} {Url}");
        DeliverBody(collector);
        return collector.Result;
    }

    /// <summary>
    /// Reads the body only to get rid of it (so a kept-alive connection can be reused), giving it up with its
    /// connection past <paramref name="limit"/> bytes.
    /// </summary>
    /// <param name="limit">The most bytes worth reading.</param>
    /// <returns>A Deferred that fires when the body is gone, whichever way; it never fails.</returns>
    /// <exception cref="InvalidOperationException">The body was already delivered.</exception>
    public Deferred DiscardBody(long limit)
    {
        var discarder = new BodyDiscarder(limit);
        DeliverBody(discarder);
        return discarder.Done;
    }

    /// <summary>The source delivers body bytes.</summary>
    internal void OnBodyData(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || _ended)
        {
            return;
        }

        BodyBytesReceived += data.Length;
        if (_consumer is null || _paused || _pendingLength > 0)
        {
            Hold(data);
            return;
        }

        _consumer.BodyReceived(data);
    }

    /// <summary>The source says the body ended: complete with <see langword="null"/>, else why not.</summary>
    internal void OnBodyEnd(Exception? error)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        _endError = error;
        _reading = false;
        if (_consumer is not null && !_paused)
        {
            Flush();
        }
    }

    private void Hold(ReadOnlySpan<byte> data)
    {
        var needed = _pendingLength + data.Length;
        if (_pending is null || _pending.Length < needed)
        {
            Array.Resize(ref _pending, Math.Max(needed, Math.Max(4096, (_pending?.Length ?? 0) * 2)));
        }

        data.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength = needed;
    }

    /// <summary>Hands the held bytes, then the end, to the consumer, unless it pauses on the way.</summary>
    private void Flush()
    {
        if (_flushing || _consumer is null)
        {
            return;
        }

        _flushing = true;
        try
        {
            if (_pendingLength > 0 && !_paused)
            {
                var held = _pending.AsSpan(0, _pendingLength);
                _pendingLength = 0;
                _pending = null;
                _consumer.BodyReceived(held);
            }

            if (_ended && !_endDelivered && !_paused && _pendingLength == 0)
            {
                _endDelivered = true;
                _consumer.BodyFinished(_endError);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private void UpdateReading()
    {
        var reading = _consumer is not null && !_paused && !_ended;
        if (reading != _reading)
        {
            _reading = reading;
            _source?.SetReading(reading);
        }
    }

    private void Pause()
    {
        _paused = true;
        UpdateReading();
    }

    private void Resume()
    {
        if (!_paused)
        {
            return;
        }

        _paused = false;
        Flush();
        UpdateReading();
    }

    private void Stop()
    {
        if (!_ended)
        {
            _source?.StopBody();
        }
    }

    /// <summary>The flow control a consumer gets in <see cref="IHttpBodyConsumer.BodyStarted"/>.</summary>
    private sealed class FlowControl : IPushProducer
    {
        private readonly HttpResponse _response;

        public FlowControl(HttpResponse response)
        {
            _response = response;
        }

        public void PauseProducing() => _response.Pause();

        public void ResumeProducing() => _response.Resume();

        public void StopProducing() => _response.Stop();
    }
}
