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
    private const int MinHighWaterMark = 16 * 1024;
    private const int MinLowWaterMark = 4 * 1024;

    private const double CreditTolerance = 1e-6;

    // A bound on the pull producer calls one tick makes while it looks for a tick's worth of bytes.
    private const int MaxPullsPerTick = 1024;

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

    /// <summary>What one tick may send: the rate times the tick, at least a byte.</summary>
    private double PerTick => Math.Max(1, _rate!.Value * Interval);

    // The queue holds two to three ticks' worth, so each tick finds at least its share waiting even when the
    // producer reads its next chunk on the pool; below 16 KiB a tick is smaller than one chunk anyway.
    private long HighWaterMark => _rate is null ? MinHighWaterMark : Math.Max(MinHighWaterMark, (long)(3 * PerTick));

    private long LowWaterMark => _rate is null ? MinLowWaterMark : Math.Max(MinLowWaterMark, (long)(2 * PerTick));

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
        var elapsed = now - _lastTick;
        _lastTick = now;

        // Credit not spent because the queue ran short is kept for the next chunk of the same response, but one
        // tick never sends more than the rate earns over it (a late tick catches up for at most one more tick) and
        // a byte: the fraction of a byte a slow rate earns per tick must carry over, or 10 B/s would send less.
        var bound = Math.Max(1, _rate!.Value * Math.Clamp(elapsed, Interval, 2 * Interval)) + 1;
        _credit = Math.Min(_credit + (elapsed * _rate.Value), bound);
        Send();
        if (_queue.Count == 0 && _credit >= 1 && _producer is not null && AskProducerForMore())
        {
            // The producer had the rest of this tick's share at hand.
            Send();
        }

        if (_queue.Count == 0)
        {
            if (_producer is null)
            {
                // Nothing more to send for now: an idle connection earns no credit for a later burst.
                _credit = 0;
            }

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

    /// <summary>Hands the transport what the credit allows, heads whole and at once.</summary>
    private void Send()
    {
        while (_queue.Count > 0)
        {
            var segment = _queue.Peek();
            // Clock readings are doubles: a tick a hair early still earns its whole share.
            var take = segment.Immediate ? segment.Remaining : (int)Math.Min(segment.Remaining, Math.Floor(_credit + CreditTolerance));
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
    }

    /// <summary>Resumes a drained producer at once; whether it queued anything before returning.</summary>
    private bool AskProducerForMore()
    {
        var before = _queuedBytes;
        ResumeProducerIfDrained();
        return _queuedBytes > before;
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
            // A pull producer gives one piece per call: ask until a tick's worth waits, it stops, or it makes no progress.
            for (var i = 0; i < MaxPullsPerTick && ReferenceEquals(_producer, pull) && _queuedBytes <= LowWaterMark; i++)
            {
                var before = _queuedBytes;
                pull.ResumeProducing();
                if (_queuedBytes == before)
                {
                    break;
                }
            }
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
