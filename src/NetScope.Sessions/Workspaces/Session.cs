using NetScope.Core.Defer;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Timing;
using NetScope.Sessions.Transports;

namespace NetScope.Sessions.Workspaces;

/// <summary>
/// One conversation in a workspace: an outgoing connection (tcp, later tls, an http request) or
/// a connection a listener accepted. Holds its state, transcript, transports, kernel samples,
/// phase timings and attributed Deferreds. Use it on the reactor thread only.
/// </summary>
public sealed partial class Session : WorkspaceEntry
{
    private readonly List<TransportRecord> _transports = new();
    private readonly Queue<KernelSample> _kernelSamples = new();
    private List<Deferred<Session>>? _openWaiters;
    private List<Deferred<Session>>? _endWaiters;
    private Exception? _failure;
    private bool _opened;

    internal Session(Workspace workspace, long id, string kind, string target, Listener? listener, SessionState initial)
        : base(workspace, id, kind, target)
    {
        Listener = listener;
        State = initial;
    }

    /// <summary>The session's current state.</summary>
    public SessionState State { get; internal set; }

    /// <summary>For a connection a listener accepted: that listener.</summary>
    public Listener? Listener { get; }

    /// <summary>For a connection a listener accepted: the client's address.</summary>
    public System.Net.EndPoint? Peer { get; internal init; }

    /// <summary>The byte-stream protocol, for line/raw sessions (send, expect, switch mode); otherwise <see langword="null"/>.</summary>
    public StreamSession? Stream { get; internal set; }

    /// <summary>The transport the session's protocol talks to, once connected.</summary>
    public ITransport? Transport { get; internal set; }

    /// <summary>The transports attributed to the session, bottom layer first.</summary>
    public IReadOnlyList<TransportStats> Transports => _transports.Select(t => t.Stats).ToArray();

    /// <summary>When the session first sent data (seconds since the workspace started).</summary>
    public double? FirstByteSentTime { get; internal set; }

    /// <summary>When the session first received data (seconds since the workspace started).</summary>
    public double? FirstByteReceivedTime { get; internal set; }

    /// <summary>Kernel TCP_INFO samples taken while the session was open, oldest first (the most recent ones).</summary>
    public IReadOnlyList<KernelSample> KernelSamples => _kernelSamples.ToArray();

    /// <summary><see langword="true"/> once the session has ended.</summary>
    public bool Ended => EndTime is not null;

    internal IReadOnlyList<TransportRecord> TransportRecords => _transports;

    internal IConnector? Connector { get; set; }

    /// <summary>The session's own protocol, as wrapped for it (a listener's line echo, chat, ...).</summary>
    internal IProtocol? Protocol { get; set; }

    internal ITcpTransport? KernelSource { get; set; }

    internal TransportStats? KernelStats { get; set; }

    internal Action<bool>? CloseHandler { get; set; }

    internal LineRoundTrips LineRoundTrips { get; } = new();

    internal List<(string Name, double Time)> Marks { get; } = new();

    /// <summary>
    /// A new Deferred (attributed to this session) that fires with the session once it is open,
    /// or fails with the reason it could not open (a typed connect error). Each call gets its own.
    /// </summary>
    public Deferred<Session> WhenOpen()
    {
        Deferred<Session> waiter;
        using (ObservationScope.Enter(this))
        {
            waiter = new Deferred<Session>().WithLabel(Listener is null ? $"connect {Target}" : $"accept {Target}");
        }

        if (_opened)
        {
            waiter.Callback(this);
        }
        else if (Ended)
        {
            waiter.Errback(_failure!);
        }
        else
        {
            (_openWaiters ??= new()).Add(waiter);
        }

        return waiter;
    }

    /// <summary>A new Deferred (attributed to this session) that fires with the session when it has ended; it never fails.</summary>
    public Deferred<Session> WhenEnded()
    {
        Deferred<Session> waiter;
        using (ObservationScope.Enter(this))
        {
            waiter = new Deferred<Session>().WithLabel($"end of #{Id}");
        }

        MarkLifetime(waiter);

        if (Ended)
        {
            waiter.Callback(this);
        }
        else
        {
            (_endWaiters ??= new()).Add(waiter);
        }

        return waiter;
    }

    /// <summary>Closes after what is buffered is sent; stops connecting if not connected yet.</summary>
    public void Close() => Workspace.CloseSession(this, abort: false);

    /// <summary>Drops the connection at once (the peer sees a reset); stops connecting if not connected yet.</summary>
    public void Abort() => Workspace.CloseSession(this, abort: true);

    internal TransportRecord AddTransport(TransportStats stats)
    {
        var record = new TransportRecord(stats, _transports.Count);
        _transports.Add(record);
        return record;
    }

    internal TransportRecord? FindTransport(TransportStats stats) => _transports.Find(t => ReferenceEquals(t.Stats, stats));

    internal void AddKernelSample(KernelSample sample, int keep)
    {
        if (_kernelSamples.Count >= keep)
        {
            _kernelSamples.Dequeue();
        }

        _kernelSamples.Enqueue(sample);
    }

    internal void Opened()
    {
        _opened = true;
        var waiters = _openWaiters;
        _openWaiters = null;
        foreach (var waiter in waiters ?? [])
        {
            waiter.Callback(this);
        }
    }

    /// <summary>Records the end; <paramref name="reason"/> fails whoever still waits for the session to open.</summary>
    internal void Finish(SessionState state, double time, Exception reason)
    {
        State = state;
        EndTime = time;
        EndReason = Workspace.DescribeEnd(reason);
        _failure = reason;
        var opening = _openWaiters;
        _openWaiters = null;
        foreach (var waiter in opening ?? [])
        {
            waiter.Errback(reason);
        }

        var ending = _endWaiters;
        _endWaiters = null;
        foreach (var waiter in ending ?? [])
        {
            waiter.Callback(this);
        }
    }
}
