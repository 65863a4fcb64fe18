using System.Net;
using NetScope.Core.Protocols;
using NetScope.Core.Time;

namespace NetScope.Sessions.Listeners;

/// <summary>
/// Wraps a listener's factory (Twisted's <c>policies.WrappingFactory</c>): numbers accepted
/// connections, reports them opening and closing with their byte counts, refuses connections
/// beyond a limit and closes idle ones.
/// </summary>
public sealed class TrackingFactory : IProtocolFactory
{
    private readonly IProtocolFactory _inner;
    private readonly List<IListenerObserver> _observers = new();
    private long _nextId;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The factory of the protocol served.</param>
    /// <param name="clock">Time for idle timeouts and durations.</param>
    /// <param name="maxConnections">Connections served at once; 0 for no limit.</param>
    /// <param name="idleTimeoutSeconds">Idle time after which a connection is closed; 0 for never.</param>
    public TrackingFactory(IProtocolFactory inner, IReactorTime clock, int maxConnections = 0, double idleTimeoutSeconds = 0)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        MaxConnections = maxConnections;
        IdleTimeoutSeconds = idleTimeoutSeconds;
    }

    /// <summary>The wrapped factory.</summary>
    public IProtocolFactory Inner => _inner;

    /// <summary>The limit on connections served at once (0: none).</summary>
    public int MaxConnections { get; }

    /// <summary>Idle time after which a connection is closed (0: never).</summary>
    public double IdleTimeoutSeconds { get; }

    /// <summary>Connections open now.</summary>
    public int OpenConnections { get; private set; }

    /// <summary>Connections accepted since the start.</summary>
    public long AcceptedConnections => _nextId;

    internal IReactorTime Clock { get; }

    /// <summary>Adds an observer of connections.</summary>
    public void AddObserver(IListenerObserver observer) => _observers.Add(observer ?? throw new ArgumentNullException(nameof(observer)));

    /// <inheritdoc/>
    public IProtocol? BuildProtocol(EndPoint address)
    {
        if (MaxConnections > 0 && OpenConnections >= MaxConnections)
        {
            foreach (var observer in _observers)
            {
                observer.ConnectionRefused(address, $"already serving the maximum of {MaxConnections} connection(s)");
            }

            return null;
        }

        var inner = _inner.BuildProtocol(address);
        if (inner is null)
        {
            return null;
        }

        var id = ++_nextId;
        return inner is IHalfCloseableProtocol
            ? new HalfCloseableTrackedConnection(this, id, address, inner)
            : new TrackedConnection(this, id, address, inner);
    }

    /// <inheritdoc/>
    public void DoStart() => _inner.DoStart();

    /// <inheritdoc/>
    public void DoStop() => _inner.DoStop();

    internal void Opened(TrackedConnection connection)
    {
        OpenConnections++;
        foreach (var observer in _observers)
        {
            observer.ConnectionOpened(connection.Id, connection.Peer, connection.Transport.Stats);
        }
    }

    internal void Closed(TrackedConnection connection, double seconds, string reason)
    {
        OpenConnections--;
        foreach (var observer in _observers)
        {
            observer.ConnectionClosed(connection.Id, connection.Peer, connection.Transport.Stats, seconds, reason);
        }
    }
}
