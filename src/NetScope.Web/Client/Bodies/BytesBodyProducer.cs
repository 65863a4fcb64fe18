using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Web.Client.Bodies;

/// <summary>Writes bytes held in memory in slices, stopping while the connection's send buffer is full.</summary>
internal sealed class BytesBodyProducer : IHttpBodyProducer
{
    private const int SliceSize = 64 * 1024;

    private readonly ReadOnlyMemory<byte> _bytes;
    private IConsumer? _consumer;
    private Deferred? _done;
    private int _offset;
    private bool _paused;
    private bool _stopped;

    public BytesBodyProducer(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
    }

    public long Length => _bytes.Length;

    public Deferred StartProducing(IConsumer consumer)
    {
        _consumer = consumer ?? throw new ArgumentNullException(nameof(consumer));
        _done = new Deferred().WithLabel("request body");
        WriteSlices();
        return _done;
    }

    public void PauseProducing() => _paused = true;

    public void ResumeProducing()
    {
        _paused = false;
        WriteSlices();
    }

    public void StopProducing() => _stopped = true;

    private void WriteSlices()
    {
        // The consumer pauses us from inside Write when its buffer passes the high-water mark.
        while (!_paused && !_stopped && _consumer is not null && _offset < _bytes.Length)
        {
            var slice = _bytes.Slice(_offset, Math.Min(SliceSize, _bytes.Length - _offset));
            _offset += slice.Length;
            _consumer.Write(slice.Span);
        }

        if (_offset == _bytes.Length && !_stopped && _done is { Called: false } done)
        {
            done.Callback(null);
        }
    }
}
