using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>
/// A protocol that records what happens to it (Twisted's <c>AccumulatingProtocol</c> and
/// <c>ConnectableProtocol</c>): the bytes received, its life-cycle events, and the reason it
/// lost its connection. Hooks let a test act at each event; Deferreds let it wait for them.
/// </summary>
internal class Recorder : Protocol
{
    private readonly MemoryStream _received = new();
    private readonly List<(long Count, Deferred Done)> _waits = new();

    /// <summary>The reactor the protocol runs on; when set, every callback checks it runs on its thread.</summary>
    public IReactor? Reactor { get; set; }

    /// <summary>Life-cycle events in order: "made", "read lost", "write lost", "lost: ExceptionType".</summary>
    public List<string> Events { get; } = new();

    /// <summary>Callbacks that ran off the reactor thread (there should be none).</summary>
    public int CallbacksOffReactorThread { get; private set; }

    public byte[] Received => _received.ToArray();

    public long ReceivedCount => _received.Length;

    public string ReceivedText => Encoding.ASCII.GetString(_received.GetBuffer(), 0, (int)_received.Length);

    public int ConnectionLostCalls { get; private set; }

    public Failure? LostReason { get; private set; }

    /// <summary>Fires with this protocol once it is connected.</summary>
    public Deferred Made { get; } = new();

    /// <summary>Fires with this protocol once ConnectionLost has run (the reason is in <see cref="LostReason"/>).</summary>
    public Deferred Lost { get; } = new();

    public Action<Recorder>? OnMade { get; set; }

    public Action<Recorder, byte[]>? OnData { get; set; }

    public Action<Recorder, Failure>? OnLost { get; set; }

    public ITcpTransport Tcp => (ITcpTransport)Transport;

    /// <summary>A Deferred that fires once at least <paramref name="count"/> bytes have arrived.</summary>
    public Deferred WhenReceived(long count)
    {
        var done = new Deferred();
        if (_received.Length >= count)
        {
            done.Callback(this);
        }
        else
        {
            _waits.Add((count, done));
        }

        return done;
    }

    public override void ConnectionMade()
    {
        CheckThread();
        Events.Add("made");
        OnMade?.Invoke(this);
        Made.Callback(this);
    }

    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        CheckThread();
        _received.Write(data);
        OnData?.Invoke(this, data.ToArray());
        for (var i = 0; i < _waits.Count; i++)
        {
            if (_received.Length >= _waits[i].Count)
            {
                var done = _waits[i].Done;
                _waits.RemoveAt(i--);
                done.Callback(this);
            }
        }
    }

    public override void ConnectionLost(Failure reason)
    {
        CheckThread();
        ConnectionLostCalls++;
        LostReason = reason;
        Events.Add($"lost: {reason.Type.Name}");
        OnLost?.Invoke(this, reason);
        Lost.Callback(this);
    }

    protected void CheckThread()
    {
        if (Reactor is { IsReactorThread: false })
        {
            CallbacksOffReactorThread++;
        }
    }
}
