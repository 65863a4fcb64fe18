using System.Net;
using System.Net.Sockets;
using NetScope.Core.Transports;

namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// A non-blocking TCP socket as the reactor uses it, with each operation returning a
/// <see cref="SocketError"/> instead of throwing for the expected cases (would block,
/// refused, reset). The epoll reactor implements it over raw descriptors and system calls;
/// the portable reactor over <see cref="Socket"/>.
/// </summary>
internal abstract class ReactorSocket : IDisposable
{
    /// <summary>The local address (read once it is known).</summary>
    public abstract EndPoint? LocalEndPoint { get; }

    /// <summary>The remote address of a connected socket.</summary>
    public abstract EndPoint? RemoteEndPoint { get; }

    /// <summary>
    /// Reads into <paramref name="buffer"/>: the count (&gt; 0), 0 at end of stream, or -1 with
    /// <paramref name="error"/> set (<see cref="SocketError.WouldBlock"/> when nothing is there).
    /// </summary>
    public abstract int Receive(Span<byte> buffer, out SocketError error);

    /// <summary>Sends what the kernel takes now: the count, or -1 with <paramref name="error"/> set.</summary>
    public abstract long Send(ReadOnlySpan<byte> data, out SocketError error);

    /// <summary>Sends several buffers in one call: the total count taken, or -1 with <paramref name="error"/> set.</summary>
    public abstract long SendVectored(ReadOnlySpan<ReadOnlyMemory<byte>> segments, out SocketError error);

    /// <summary>Sends FIN (shutdown of the write direction).</summary>
    public abstract SocketError ShutdownSend();

    /// <summary>Accepts one pending connection of a listening socket, or returns <see langword="null"/> with <paramref name="error"/> set.</summary>
    public abstract ReactorSocket? Accept(out SocketError error);

    /// <summary>Binds to <paramref name="local"/> (for a connection from a chosen source address).</summary>
    public abstract SocketError Bind(IPEndPoint local);

    /// <summary>Starts connecting to <paramref name="remote"/>: <see cref="SocketError.Success"/>, <see cref="SocketError.InProgress"/>/<see cref="SocketError.WouldBlock"/>, or the failure.</summary>
    public abstract SocketError BeginConnect(IPEndPoint remote);

    /// <summary>The result of a connection attempt once the socket is writable (SO_ERROR).</summary>
    public abstract SocketError GetPendingError();

    /// <summary>Whether TCP_NODELAY is set.</summary>
    public abstract bool NoDelay { get; set; }

    /// <summary>Whether SO_KEEPALIVE is set.</summary>
    public abstract bool KeepAlive { get; set; }

    /// <summary>Kernel TCP state, where the platform offers it.</summary>
    public abstract TcpKernelInfo? GetKernelInfo();

    /// <summary>Closes the socket; <paramref name="abortive"/> makes the peer see a reset (SO_LINGER 0).</summary>
    public abstract void Close(bool abortive);

    /// <inheritdoc/>
    public void Dispose()
    {
        Close(abortive: false);
        GC.SuppressFinalize(this);
    }
}
