using NetScope.Core.Defer;
using NetScope.Core.Time;
using NetScope.Web.Client.Connections;

namespace NetScope.Web.Client;

/// <summary>
/// Keeps idle HTTP/1.1 connections for reuse, per origin (or per proxy), as Twisted's
/// <c>HTTPConnectionPool</c> does: a few per host, each for a limited time. Share one pool between agents
/// to share their connections. Use it on the reactor thread.
/// </summary>
/// <remarks>
/// A kept-alive connection the server has closed in the meantime is found out only when a request is sent on
/// it; with <see cref="RetryAutomatically"/>, an idempotent request with a replayable body that got no byte
/// of response on such a connection is sent once more on a fresh one.
/// </remarks>
public sealed class HttpConnectionPool
{
    private readonly IReactorTime _clock;
    private readonly Dictionary<HttpConnectionKey, List<IdleConnection>> _idle = [];

    /// <summary>Creates a pool.</summary>
    /// <param name="clock">The reactor's clock, for the idle timeout.</param>
    /// <param name="persistent">Whether to keep connections at all; without it every request gets its own connection and sends <c>Connection: close</c>.</param>
    public HttpConnectionPool(IReactorTime clock, bool persistent = true)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Persistent = persistent;
    }

    /// <summary>Whether connections are kept for reuse.</summary>
    public bool Persistent { get; }

    /// <summary>The most idle connections kept per origin; the oldest is closed to make room.</summary>
    /// <remarks>Defaults to 2, as in Twisted.</remarks>
    public int MaxPersistentPerHost { get; init; } = 2;

    /// <summary>Seconds an idle connection is kept before it is closed.</summary>
    /// <remarks>Defaults to 240, as in Twisted.</remarks>
    public double CachedConnectionTimeoutSeconds { get; init; } = 240;

    /// <summary>Whether a request that finds a kept-alive connection closed is retried once on a fresh one (idempotent methods only).</summary>
    /// <remarks>Defaults to <see langword="true"/>.</remarks>
    public bool RetryAutomatically { get; init; } = true;

    /// <summary>How many idle connections the pool holds now.</summary>
    public int IdleConnectionCount => _idle.Values.Sum(list => list.Count);

    /// <summary>Closes every idle connection.</summary>
    /// <returns>A Deferred that fires when they have all closed.</returns>
    public Deferred CloseCachedConnections()
    {
        var closing = new List<Deferred>();
        foreach (var list in _idle.Values)
        {
            foreach (var idle in list)
            {
                CancelTimer(idle);
                idle.Protocol.IdleLost = null;
                closing.Add(idle.Protocol.WhenClosed());
                idle.Protocol.Close();
            }
        }

        _idle.Clear();
        return Deferred.GatherResults(closing).WithLabel("close cached connections");
    }

    /// <summary>Takes the most recently used idle connection for <paramref name="key"/>, if there is one.</summary>
    internal bool TryTake(HttpConnectionKey key, out HttpClientProtocol protocol)
    {
        protocol = null!;
        if (!_idle.TryGetValue(key, out var list))
        {
            return false;
        }

        while (list.Count > 0)
        {
            var idle = list[^1];
            list.RemoveAt(list.Count - 1);
            CancelTimer(idle);
            idle.Protocol.IdleLost = null;
            if (idle.Protocol.IsIdle)
            {
                protocol = idle.Protocol;
                break;
            }
        }

        if (list.Count == 0)
        {
            _idle.Remove(key);
        }

        return protocol is not null;
    }

    /// <summary>Keeps an idle connection for reuse, or closes it when the pool keeps none (or no more) for its key.</summary>
    internal void Put(HttpClientProtocol protocol)
    {
        if (!Persistent || !protocol.IsIdle)
        {
            protocol.Close();
            return;
        }

        var key = protocol.Key;
        if (!_idle.TryGetValue(key, out var list))
        {
            list = _idle[key] = [];
        }

        while (list.Count >= Math.Max(0, MaxPersistentPerHost))
        {
            if (list.Count == 0)
            {
                protocol.Close();
                return;
            }

            var oldest = list[0];
            list.RemoveAt(0);
            CancelTimer(oldest);
            oldest.Protocol.IdleLost = null;
            oldest.Protocol.Close();
        }

        var entry = new IdleConnection(protocol);
        entry.Timer = _clock.CallLater(CachedConnectionTimeoutSeconds, () =>
        {
            Remove(protocol);
            protocol.Close();
        });
        protocol.IdleLost = Remove;
        list.Add(entry);
    }

    private void Remove(HttpClientProtocol protocol)
    {
        if (!_idle.TryGetValue(protocol.Key, out var list))
        {
            return;
        }

        var index = list.FindIndex(idle => ReferenceEquals(idle.Protocol, protocol));
        if (index < 0)
        {
            return;
        }

        CancelTimer(list[index]);
        protocol.IdleLost = null;
        list.RemoveAt(index);
        if (list.Count == 0)
        {
            _idle.Remove(protocol.Key);
        }
    }

    private static void CancelTimer(IdleConnection idle)
    {
        if (idle.Timer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        idle.Timer = null;
    }

    /// <summary>A connection waiting in the pool, with the call that closes it when it has waited too long.</summary>
    private sealed class IdleConnection
    {
        public IdleConnection(HttpClientProtocol protocol)
        {
            Protocol = protocol;
        }

        public HttpClientProtocol Protocol { get; }

        public IDelayedCall? Timer { get; set; }
    }
}
