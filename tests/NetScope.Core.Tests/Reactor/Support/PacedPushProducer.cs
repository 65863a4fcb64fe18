using NetScope.Core.Reactor;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// A streaming producer that writes one chunk of <see cref="Bytes.Pattern"/> per reactor turn
/// while it is not paused, until <see cref="Limit"/> bytes are written; then it unregisters
/// and loses the connection. It records every pause and resume with the transport's write
/// buffer size at that moment.
/// </summary>
internal sealed class PacedPushProducer : IPushProducer
{
    private readonly IReactor _reactor;
    private readonly ITransport _transport;
    private readonly int _chunkSize;
    private bool _tickScheduled;

    public PacedPushProducer(IReactor reactor, ITransport transport, int chunkSize)
    {
        _reactor = reactor;
        _transport = transport;
        _chunkSize = chunkSize;
    }

    /// <summary>Bytes to write in all; <see langword="null"/> writes until told.</summary>
    public long? Limit { get; set; }

    public long Written { get; private set; }

    public bool Paused { get; private set; }

    public bool Stopped { get; private set; }

    public bool Finished { get; private set; }

    /// <summary>"pause" and "resume" events with the write-buffer size when each happened.</summary>
    public List<(string Event, long WriteBufferSize)> FlowEvents { get; } = new();

    public Action<PacedPushProducer>? OnPause { get; set; }

    public void Start()
    {
        _transport.RegisterProducer(this, streaming: true);
        ScheduleTick();
    }

    public void PauseProducing()
    {
        Paused = true;
        FlowEvents.Add(("pause", _transport.Stats.WriteBufferSize));
        OnPause?.Invoke(this);
    }

    public void ResumeProducing()
    {
        Paused = false;
        FlowEvents.Add(("resume", _transport.Stats.WriteBufferSize));
        ScheduleTick();
    }

    public void StopProducing() => Stopped = true;

    private void ScheduleTick()
    {
        if (!_tickScheduled)
        {
            _tickScheduled = true;
            _reactor.CallLater(0, Tick);
        }
    }

    private void Tick()
    {
        _tickScheduled = false;
        if (Paused || Stopped || Finished)
        {
            return;
        }

        var size = Limit is { } limit ? (int)Math.Min(_chunkSize, limit - Written) : _chunkSize;
        _transport.Write(Bytes.Pattern(Written, size));
        Written += size;
        if (Written == Limit)
        {
            Finished = true;
            _transport.UnregisterProducer();
            _transport.LoseConnection();
            return;
        }

        ScheduleTick();
    }
}
