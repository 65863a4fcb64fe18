using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <summary>
/// Feeds standard input to a session: a background thread reads it (reading a terminal or pipe
/// blocks, so it never happens on the reactor thread) and hands it over in chunks; on the reactor
/// thread the pump is the transport's streaming producer, so it stops sending while the transport
/// has paused it (its write buffer is past the high-water mark).
/// </summary>
/// <remarks>
/// The hand-off is bounded: the reading thread may have at most <see cref="MaxChunksInFlight"/>
/// chunks handed over and not yet sent, and blocks for room before it reads more. A peer that reads
/// slowly (or not at all) therefore stops the reading of stdin, and memory stays flat however much
/// input is piped in.
/// </remarks>
internal sealed partial class StdinPump : IPushProducer
{
    /// <summary>The line that, typed on its own in line mode, upgrades the session to TLS instead of being sent.</summary>
    public const string StartTlsCommand = "/starttls";

    /// <summary>The most bytes one read of stdin takes.</summary>
    public const int ReadBytes = 64 * 1024;

    /// <summary>How many chunks the reading thread may hand over before one has been sent.</summary>
    public const int MaxChunksInFlight = 4;

    private readonly IReactor _reactor;
    private readonly StreamSession _session;
    private readonly SemaphoreSlim _room = new(MaxChunksInFlight, MaxChunksInFlight);
    private readonly Queue<Item> _held = new();
    private readonly Action _ended;
    private readonly Action? _startTls;
    private volatile bool _stopped;
    private bool _paused;
    private bool _registered;

    private StdinPump(IReactor reactor, StreamSession session, Action ended, Action? startTls)
    {
        _reactor = reactor;
        _session = session;
        _ended = ended;
        _startTls = startTls;
    }

    /// <summary>
    /// Starts pumping <paramref name="input"/> into <paramref name="session"/> (call it on the reactor
    /// thread, with the session connected); <paramref name="ended"/> runs on the reactor thread at end of
    /// input. In line mode, a line that is exactly <see cref="StartTlsCommand"/> runs
    /// <paramref name="startTls"/> on the reactor thread (when given) instead of being sent, after every
    /// line before it.
    /// </summary>
    public static StdinPump Start(IReactor reactor, StreamSession session, Stream input, StreamMode mode, byte[] lineEnding, Action ended, Action? startTls = null)
    {
        var pump = new StdinPump(reactor, session, ended, startTls);
        if (session.Connected)
        {
            session.Transport.RegisterProducer(pump, streaming: true);
            pump._registered = true;
        }

        var thread = new Thread(() => pump.ReadAll(input, mode, lineEnding))
        {
            IsBackground = true,
            Name = "netscope stdin",
        };
        thread.Start();
        return pump;
    }

    /// <summary>Stops sending (on the reactor thread): what is held is dropped and the reading thread ends.</summary>
    public void Stop()
    {
        // Unregister first: a registered producer holds the connection's close back.
        Unregister();
        StopProducing();
    }

    /// <inheritdoc/>
    public void PauseProducing() => _paused = true;

    /// <inheritdoc/>
    public void ResumeProducing()
    {
        _paused = false;
        while (!_paused && !_stopped && _held.TryDequeue(out var item))
        {
            Apply(item);
        }
    }

    /// <inheritdoc/>
    public void StopProducing()
    {
        // The connection is going away (the transport calls this) or the run is stopping: let the
        // reading thread out of its wait, and from then on drop whatever it still hands over.
        _stopped = true;
        _registered = false;
        _held.Clear();
        var taken = MaxChunksInFlight - _room.CurrentCount;
        if (taken > 0)
        {
            // Only the reading thread takes room, so the count can only have fallen since it was read.
            _room.Release(taken);
        }
    }

    /// <summary>Runs on the reading thread: takes room for one item, then hands it to the reactor.</summary>
    private bool HandOver(Item item)
    {
        _room.Wait();
        if (_stopped)
        {
            return false;
        }

        _reactor.CallFromThread(() => Deliver(item));
        return true;
    }

    /// <summary>On the reactor thread: an item from the reading thread, sent now or held while paused.</summary>
    private void Deliver(Item item)
    {
        if (_stopped)
        {
            return;
        }

        if (_paused || _held.Count > 0)
        {
            _held.Enqueue(item);
            return;
        }

        Apply(item);
    }

    private void Apply(Item item)
    {
        _room.Release();
        switch (item.Kind)
        {
            case ItemKind.Data when _session.Connected && !_session.SelfFinished:
                _session.Send(item.Data);
                break;
            case ItemKind.StartTls:
                _startTls?.Invoke();
                break;
            case ItemKind.End:
                Unregister();
                _ended();
                break;
        }
    }

    private void Unregister()
    {
        if (_registered)
        {
            _registered = false;
            _session.Transport.UnregisterProducer();
        }
    }

    private enum ItemKind
    {
        Data,
        StartTls,
        End,
    }

    private readonly record struct Item(ItemKind Kind, byte[] Data)
    {
        public static Item Of(byte[] data) => new(ItemKind.Data, data);

        public static Item Of(ItemKind kind) => new(kind, []);
    }
}
