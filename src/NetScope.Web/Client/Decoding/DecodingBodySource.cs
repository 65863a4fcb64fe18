using NetScope.Core.Transports;

namespace NetScope.Web.Client.Decoding;

/// <summary>
/// The body of a decoded response: it reads the encoded response's body when the decoded one is delivered,
/// decodes it, and passes flow control back up, so decoding adds no buffering of its own.
/// </summary>
internal sealed class DecodingBodySource : Bodies.IResponseBodySource, IHttpBodyConsumer, IDecodedOutput
{
    private readonly HttpResponse _encoded;
    private readonly Func<IContentDecoder> _createDecoder;
    private IContentDecoder? _decoder;
    private IPushProducer? _upstream;
    private bool _attached;
    private bool _done;

    public DecodingBodySource(HttpResponse encoded, Func<IContentDecoder> createDecoder)
    {
        _encoded = encoded;
        _createDecoder = createDecoder;
    }

    /// <summary>The decoded response this source feeds.</summary>
    public HttpResponse Target { get; set; } = null!;

    public void SetReading(bool reading)
    {
        if (!_attached)
        {
            if (reading)
            {
                Attach();
            }

            return;
        }

        if (reading)
        {
            _upstream?.ResumeProducing();
        }
        else
        {
            _upstream?.PauseProducing();
        }
    }

    public void StopBody()
    {
        if (!_attached)
        {
            Attach();
        }

        _upstream?.StopProducing();
    }

    public void BodyStarted(IPushProducer producer) => _upstream = producer;

    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        if (_done)
        {
            return;
        }

        try
        {
            _decoder!.Decode(data, this);
        }
        catch (HttpResponseException exception)
        {
            End(exception);
            _upstream?.StopProducing();
        }
    }

    public void BodyFinished(Exception? error)
    {
        if (_done)
        {
            return;
        }

        if (error is null)
        {
            try
            {
                _decoder!.Finish();
            }
            catch (HttpResponseException exception)
            {
                error = exception;
            }
        }

        End(error);
    }

    public void Write(ReadOnlySpan<byte> data) => Target.OnBodyData(data);

    private void Attach()
    {
        _attached = true;
        try
        {
            _decoder = _createDecoder();
        }
        catch (PlatformNotSupportedException exception)
        {
            End(new HttpResponseException($"cannot decode the body: {exception.Message}", exception));
            _encoded.DeliverBody(this);
            _upstream?.StopProducing();
            return;
        }

        _encoded.DeliverBody(this);
    }

    private void End(Exception? error)
    {
        _done = true;
        _decoder?.Dispose();
        Target.OnBodyEnd(error);
    }
}
