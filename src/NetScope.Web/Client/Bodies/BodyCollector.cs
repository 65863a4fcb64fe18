using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Web.Client.Bodies;

/// <summary>Gathers a whole body into one array (Twisted's <c>readBody</c>).</summary>
internal sealed class BodyCollector : IHttpBodyConsumer
{
    /// <summary>An announced length is trusted for the first allocation only up to this size.</summary>
    private const int MaxPreallocation = 16 * 1024 * 1024;

    private IPushProducer? _producer;
    private bool _cancelled;
    private byte[] _buffer;
    private int _length;

    public BodyCollector(long expectedLength, string label)
    {
        _buffer = expectedLength is > 0 and <= MaxPreallocation ? new byte[expectedLength] : [];
        Result = new Deferred<byte[]>(_ =>
        {
            // The body's own end (the abort this causes) must not beat the cancellation to the Deferred.
            _cancelled = true;
            _producer?.StopProducing();
        }).WithLabel(label);
    }

    public Deferred<byte[]> Result { get; }

    public void BodyStarted(IPushProducer producer) => _producer = producer;

    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        var needed = (long)_length + data.Length;
        if (needed > Array.MaxLength)
        {
            _producer?.StopProducing();
            return;
        }

        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(needed, Math.Max(16 * 1024, (long)_buffer.Length * 2))));
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length = (int)needed;
    }

    public void BodyFinished(Exception? error)
    {
        if (Result.Called || _cancelled)
        {
            return;
        }

        if (error is not null)
        {
            Result.Errback(error);
            return;
        }

        if (_length != _buffer.Length)
        {
            Array.Resize(ref _buffer, _length);
        }

        Result.Callback(_buffer);
    }
}
