using System.Net;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Time;

namespace NetScope.Testing;

/// <summary>
/// Two protocols connected through <see cref="MemoryTransport"/>s (Twisted's <c>iosim</c>
/// <c>connect</c>/<c>IOPump</c>): what one writes reaches the other only when the pair is
/// pumped, so protocol tests can talk to each other deterministically, one step at a time.
/// </summary>
public sealed class ConnectedPair
{
    private ConnectedPair(IProtocol server, IProtocol client, EndPoint serverAddress, EndPoint clientAddress, IReactorTime clock)
    {
        Server = server;
        Client = client;
        ServerTransport = new MemoryTransport(server, isServer: true, serverAddress, clientAddress, clock);
        ClientTransport = new MemoryTransport(client, isServer: false, clientAddress, serverAddress, clock);
    }

    /// <summary>The accepting side's protocol.</summary>
    public IProtocol Server { get; }

    /// <summary>The connecting side's protocol.</summary>
    public IProtocol Client { get; }

    /// <summary>The server protocol's transport.</summary>
    public MemoryTransport ServerTransport { get; }

    /// <summary>The client protocol's transport.</summary>
    public MemoryTransport ClientTransport { get; }

    /// <summary>The most bytes one <c>DataReceived</c> call delivers (set it to 1 to feed a parser byte by byte).</summary>
    /// <remarks>Defaults to everything queued in one call.</remarks>
    public int ChunkSize
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = int.MaxValue;

    /// <summary><see langword="true"/> once both protocols have been told the connection is lost.</summary>
    public bool Closed => ServerTransport.Closed && ClientTransport.Closed;

    /// <summary>
    /// Connects <paramref name="server"/> and <paramref name="client"/> (the server's
    /// <c>ConnectionMade</c> runs first) and, with <paramref name="greet"/>, flushes once so
    /// greetings are exchanged. Addresses default to 127.0.0.1:10000 (server) and
    /// 127.0.0.1:20000 (client); <paramref name="clock"/> timestamps the transports' stats.
    /// </summary>
    public static ConnectedPair Connect(IProtocol server, IProtocol client, bool greet = true, EndPoint? serverAddress = null, EndPoint? clientAddress = null, IReactorTime? clock = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        var pair = new ConnectedPair(
            server,
            client,
            serverAddress ?? new IPEndPoint(IPAddress.Loopback, 10000),
            clientAddress ?? new IPEndPoint(IPAddress.Loopback, 20000),
            clock ?? new Clock());
        server.MakeConnection(pair.ServerTransport);
        client.MakeConnection(pair.ClientTransport);
        if (greet)
        {
            pair.Flush();
        }

        return pair;
    }

    /// <summary>
    /// Connects <paramref name="client"/> to a protocol built by <paramref name="serverFactory"/>
    /// for the client's address, as a listening port would (see <see cref="Connect(IProtocol, IProtocol, bool, EndPoint?, EndPoint?, IReactorTime?)"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The factory refused the connection.</exception>
    public static ConnectedPair Connect(IProtocolFactory serverFactory, IProtocol client, bool greet = true, EndPoint? serverAddress = null, EndPoint? clientAddress = null, IReactorTime? clock = null)
    {
        ArgumentNullException.ThrowIfNull(serverFactory);
        clientAddress ??= new IPEndPoint(IPAddress.Loopback, 20000);
        var server = serverFactory.BuildProtocol(clientAddress)
            ?? throw new InvalidOperationException($"{serverFactory.GetType().Name} refused the connection.");
        return Connect(server, client, greet, serverAddress, clientAddress, clock);
    }

    /// <summary>
    /// Pumps every pair in turn until none moves anything (for protocols that talk across
    /// connections, like a chat server).
    /// </summary>
    /// <exception cref="InvalidOperationException">The pairs still moved data after <paramref name="maxRounds"/> rounds.</exception>
    public static void FlushAll(IEnumerable<ConnectedPair> pairs, int maxRounds = 1000)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        for (var round = 0; round < maxRounds; round++)
        {
            var moved = false;
            foreach (var pair in list)
            {
                moved |= pair.Pump();
            }

            if (!moved)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The connections were still busy after {maxRounds} rounds.");
    }

    /// <summary>
    /// Moves data once in each direction: pull producers with an empty buffer are asked for a
    /// chunk, then what each side has written is delivered to the other (in chunks of at most
    /// <see cref="ChunkSize"/>, and not while the receiver has paused reading). When no data
    /// moved, one pending close or half-close takes effect.
    /// </summary>
    /// <returns><see langword="true"/> if anything happened.</returns>
    public bool Pump()
    {
        if (ProcessAbort(ServerTransport, ClientTransport) || ProcessAbort(ClientTransport, ServerTransport))
        {
            return true;
        }

        ServerTransport.PollPullProducer();
        ClientTransport.PollPullProducer();
        var moved = Transfer(ClientTransport, ServerTransport);
        moved |= Transfer(ServerTransport, ClientTransport);
        if (moved)
        {
            return true;
        }

        return ProcessClose(ServerTransport, ClientTransport)
            || ProcessClose(ClientTransport, ServerTransport)
            || ProcessWriteShutdown(ServerTransport, ClientTransport)
            || ProcessWriteShutdown(ClientTransport, ServerTransport);
    }

    /// <summary>Pumps until nothing moves.</summary>
    /// <returns><see langword="true"/> if anything happened.</returns>
    /// <exception cref="InvalidOperationException">Data still moved after <paramref name="maxRounds"/> pumps (a producer that never ends, say).</exception>
    public bool Flush(int maxRounds = 1000)
    {
        var any = false;
        for (var round = 0; round < maxRounds; round++)
        {
            if (!Pump())
            {
                return any;
            }

            any = true;
        }

        throw new InvalidOperationException($"The connection was still busy after {maxRounds} pumps.");
    }

    private bool Transfer(MemoryTransport from, MemoryTransport to)
    {
        // Only what was queued when the pump started: a producer resumed by the transfer
        // writes for the next pump, so one pump always ends.
        var available = from.BufferedBytes;
        var moved = false;
        while (available > 0 && !to.ReadingPaused && !to.Closed && from.HasOutgoing)
        {
            var chunk = from.TakeOutgoing((int)Math.Min(ChunkSize, available));
            available -= chunk.Length;
            to.Deliver(chunk);
            moved = true;
        }

        return moved;
    }

    private static bool ProcessAbort(MemoryTransport side, MemoryTransport peer)
    {
        if (!side.Aborted || side.Closed)
        {
            return false;
        }

        side.Close(new ConnectionAbortedException(), failed: false);
        peer.Close(new ConnectionResetException(), failed: true);
        return true;
    }

    private static bool ProcessClose(MemoryTransport side, MemoryTransport peer)
    {
        if (!side.Disconnecting || side.Closed || side.HasOutgoing || side.Producer is not null)
        {
            return false;
        }

        side.Close(new ConnectionDoneException(), failed: false);
        peer.Close(new ConnectionDoneException(), failed: false);
        return true;
    }

    private static bool ProcessWriteShutdown(MemoryTransport side, MemoryTransport peer)
    {
        if (!side.WriteShutdownRequested || side.WriteClosed || side.Closed || side.HasOutgoing)
        {
            return false;
        }

        side.FinishWriteShutdown();
        if (peer.Closed)
        {
            return true;
        }

        if (peer.Protocol is not IHalfCloseableProtocol || peer.WriteClosed)
        {
            // A protocol that cannot live half-open loses the connection when the peer finishes,
            // and once both directions are finished the connection is over.
            side.Close(new ConnectionDoneException(), failed: false);
            peer.Close(new ConnectionDoneException(), failed: false);
            return true;
        }

        peer.ReadShutdown();
        return true;
    }
}
