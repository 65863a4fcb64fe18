using System.Globalization;
using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Sessions.Listeners;

/// <summary>
/// One connection of a <see cref="TrackingFactory"/>: passes every event to the protocol it
/// wraps, which talks to the transport directly, and watches for idleness.
/// </summary>
internal class TrackedConnection : IProtocol
{
    private readonly TrackingFactory _factory;
    private ITransport? _transport;
    private double _openedAt;
    private double _lastActivity;
    private long _lastTotal;
    private IDelayedCall? _idleTimer;
    private string? _closedBecause;

    public TrackedConnection(TrackingFactory factory, long id, EndPoint peer, IProtocol wrapped)
    {
        _factory = factory;
        Id = id;
        Peer = peer;
        Wrapped = wrapped;
    }

    public long Id { get; }

    public EndPoint Peer { get; }

    public IProtocol Wrapped { get; }

    public ITransport Transport => _transport!;

    public void MakeConnection(ITransport transport)
    {
        _transport = transport;
        _openedAt = _lastActivity = _factory.Clock.Seconds();
        _factory.Opened(this);
        if (_factory.IdleTimeoutSeconds > 0)
        {
            _idleTimer = _factory.Clock.CallLater(_factory.IdleTimeoutSeconds, CheckIdle);
        }

        Wrapped.MakeConnection(transport);
    }

    public void ConnectionMade()
    {
        // MakeConnection has already told the wrapped protocol.
    }

    public void DataReceived(ReadOnlySpan<byte> data)
    {
        _lastActivity = _factory.Clock.Seconds();
        Wrapped.DataReceived(data);
    }

    public void ConnectionLost(Failure reason)
    {
        if (_idleTimer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        var why = _closedBecause ?? Describe(reason);
        _factory.Closed(this, _factory.Clock.Seconds() - _openedAt, why);
        Wrapped.ConnectionLost(reason);
    }

    private static string Describe(Failure reason) => reason.Value switch
    {
        ConnectionDoneException done => done.Message,
        var other => other.Message,
    };

    /// <summary>
    /// Reads are timed exactly; sends are seen through the transport's counters at each check,
    /// so a connection that only sends is closed between one and two timeouts after it stopped.
    /// </summary>
    private void CheckIdle()
    {
        var stats = Transport.Stats;
        var now = _factory.Clock.Seconds();
        var total = stats.BytesSent + stats.BytesReceived;
        if (total != _lastTotal)
        {
            // Bytes moved since the last check, at a moment we cannot see: count it as now, so
            // a busy connection is never closed early.
            _lastTotal = total;
            _lastActivity = now;
        }

        var idleFor = now - _lastActivity;
        if (idleFor >= _factory.IdleTimeoutSeconds)
        {
            _closedBecause = string.Create(CultureInfo.InvariantCulture, $"idle for {_factory.IdleTimeoutSeconds:0.###}s");
            Transport.LoseConnection();
            return;
        }

        _idleTimer = _factory.Clock.CallLater(_factory.IdleTimeoutSeconds - idleFor, CheckIdle);
    }
}
