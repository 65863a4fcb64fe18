using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Web.Server.Internal;

/// <summary>
/// Misbehaves on purpose, for testing clients: sends response bodies at a fixed rate (heads go out as soon as
/// their turn comes) and cuts the connection after a number of response bytes. Producers registered through it
/// are paused while its queue is full, so a dripped file still costs little memory.
/// </summary>
internal sealed class ResponseShaper
{
    private const int HighWaterMark = 16 * 1024;
    private const int LowWaterMark = 4 * 1024;

    private readonly ITransport _transport;
    private readonly IReactorTime _clock;
    private readonly double? _rate;
    private readonly long _limit;
    private readonly Action _onCut;
    private readonly Queue<Segment> _queue = new();
    private long _queuedBytes;
    private long _admitted;
    private bool _cut;
    private bool _stopped;
    private IProducer? _producer;
    private bool _streaming;
    private bool _producerPaused;
    private IDelayedCall? _tick;
    private double _lastTick;
    private double _credit;
    private Action? _whenDrained;

    public ResponseShaper(ITransport transport, IReactorTime clock, double? bytesPerSecond, long limit, Action onCut)
    {
        _transport = transport;
        _clock = clock;
        _rate = bytesPerSecond;
        _limit = limit;
        _onCut = onCut;
    }

    private double Interval => Math.Max(0.05, 1.0 / _rate!.Value);

    public void Write(ReadOnlySpan<byte> data, bool isBody)
    {
        if (_stopped || _cut)
        {
            return;
        }

        var room = _limit - _admitted;
        if (data.Length >= room)
        {
            data = data[..(int)room];
            _cut = true;
        }

        _admitted += data.Length;
        if (!data.IsEmpty)
        {
            if (_rate is null || (!isBody && _queue.Count == 0))
            {
                _transport.Write(data);
            }
            else
            {
                _queue.Enqueue(new Segment(data.ToArray(), immediate: !isBody));
                _queuedBytes += data.Length;
                ScheduleTick();
                PauseProducerIfFull();
            }
        }

        if (_cut)
        {
            Cut();
        }
    }

    public void RegisterProducer(IProducer producer, bool streaming)
    {
        if (_stopped || _cut)
        {
            producer.StopProducing();
            return;
        }

        if (_rate is null)
        {
            _transport.RegisterProducer(producer, streaming);
            _producer = producer;
            return;
        }

        if (_producer is not null)
        {
            throw new InvalidOperationException($"Cannot register producer {producer}: {_producer} is already registered.");
        }

        _producer = producer;
        _streaming = streaming;
        _producerPaused = false;
        if (!streaming)
        {
            ScheduleTick();
        }

        PauseProducerIfFull();
    }

    public void UnregisterProducer()
    {
        if (_producer is null)
        {
            return;
        }

        _producer = null;
        _producerPaused = false;
        if (_rate is null && !_cut)
        {
            _transport.UnregisterProducer();
        }
    }

    /// <summary>Runs <paramref name="action"/> once everything queued has been handed to the transport.</summary>
    public void WhenDrained(Action action)
    {
        if (_cut || _stopped)
        {
            return;
        }

        if (_queue.Count == 0)
        {
            action();
        }
        else
        {
            _whenDrained = action;
        }
    }

    /// <summary>The connection is gone: forget the queue and stop the producer held here.</summary>
    public void Stop()
    {
        _stopped = true;
        _queue.Clear();
        _queuedBytes = 0;
        if (_tick is { } tick && tick.Active())
        {
            tick.Cancel();
        }

        _tick = null;
        var producer = _producer;
        _producer = null;
        if (producer is not null && _rate is not null)
        {
            producer.StopProducing();
        }
    }

    private void Cut()
    {
        _onCut();

        // Stop whatever produces the rest of the body, then close once the admitted bytes are out.
        var producer = _producer;
        _producer = null;
        if (producer is not null)
        {
            if (_rate is null)
            {
                _transport.UnregisterProducer();
            }

            producer.StopProducing();
        }

        if (_queue.Count == 0)
        {
            _transport.LoseConnection();
        }
    }

    private void ScheduleTick()
    {
        if (_tick is not null || _stopped)
        {
            return;
        }

        if (_queue.Count == 0 && (_producer is null || _streaming))
        {
            return;
        }

        _lastTick = _clock.Seconds();
        _tick = _clock.CallLater(Interval, Pump);
    }

    private void Pump()
    {
        _tick = null;
        if (_stopped)
        {
            return;
        }

        var now = _clock.Seconds();
        var rate = _rate!.Value;
        _credit = Math.Min(_credit + ((now - _lastTick) * rate), Math.Max(1, rate * Interval * 2));
        _lastTick = now;
        while (_queue.Count > 0)
        {
            var segment = _queue.Peek();
            var take = segment.Immediate ? segment.Remaining : (int)Math.Min(segment.Remaining, Math.Floor(_credit));
            if (take == 0)
            {
                break;
            }

            _transport.Write(segment.Data.AsSpan(segment.Offset, take));
            if (!segment.Immediate)
            {
                _credit -= take;
            }

            _queuedBytes -= take;
            segment.Offset += take;
            if (segment.Remaining == 0)
            {
                _queue.Dequeue();
            }
        }

        if (_queue.Count == 0)
        {
            _credit = 0;
            if (_cut)
            {
                _transport.LoseConnection();
                return;
            }

            if (_whenDrained is { } drained)
            {
                _whenDrained = null;
                drained();
                return;
            }
        }

        ResumeProducerIfDrained();
        ScheduleTick();
    }

    private void PauseProducerIfFull()
    {
        if (_producer is IPushProducer push && _streaming && !_producerPaused && _queuedBytes > HighWaterMark)
        {
            _producerPaused = true;
            push.PauseProducing();
        }
    }

    private void ResumeProducerIfDrained()
    {
        if (_queuedBytes > LowWaterMark)
        {
            return;
        }

        if (_producer is IPushProducer push && _streaming && _producerPaused)
        {
            _producerPaused = false;
            push.ResumeProducing();
        }
        else if (_producer is IPullProducer pull && !_streaming)
        {
            pull.ResumeProducing();
        }
    }

    private sealed class Segment(byte[] data, bool immediate)
    {
        public byte[] Data { get; } = data;

        public bool Immediate { get; } = immediate;

        public int Offset { get; set; }

        public int Remaining => Data.Length - Offset;
    }
}
