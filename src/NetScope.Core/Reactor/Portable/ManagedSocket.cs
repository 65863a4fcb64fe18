using System.Net;
using System.Net.Sockets;
using NetScope.Core.Reactor.Internal;
using NetScope.Core.Transports;

namespace NetScope.Core.Reactor.Portable;

/// <summary>A <see cref="ReactorSocket"/> over <see cref="System.Net.Sockets.Socket"/> in non-blocking mode.</summary>
internal sealed class ManagedSocket : ReactorSocket
{
    private readonly List<ArraySegment<byte>> _segments = new();
    private EndPoint? _local;
    private EndPoint? _remote;
    private bool _closed;

    public ManagedSocket(Socket socket)
    {
        Inner = socket;
        socket.Blocking = false;
    }

    /// <summary>The wrapped socket, for <c>Socket.Select</c>.</summary>
    public Socket Inner { get; }

    public override EndPoint? LocalEndPoint => _local ??= SafeGet(() => Inner.LocalEndPoint);

    public override EndPoint? RemoteEndPoint => _remote ??= SafeGet(() => Inner.RemoteEndPoint);

    public override bool NoDelay
    {
        get => Inner.NoDelay;
        set => Inner.NoDelay = value;
    }

    public override bool KeepAlive
    {
        get => (int)Inner.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive)! != 0;
        set => Inner.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, value);
    }

    public override int Receive(Span<byte> buffer, out SocketError error)
    {
        var count = Inner.Receive(buffer, SocketFlags.None, out error);
        return error == SocketError.Success ? count : -1;
    }

    public override long Send(ReadOnlySpan<byte> data, out SocketError error)
    {
        var count = Inner.Send(data, SocketFlags.None, out error);
        return error == SocketError.Success ? count : -1;
    }

    public override long SendVectored(ReadOnlySpan<ReadOnlyMemory<byte>> segments, out SocketError error)
    {
        _segments.Clear();
        foreach (var segment in segments)
        {
            if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(segment, out var array))
            {
                array = new ArraySegment<byte>(segment.ToArray());
            }

            _segments.Add(array);
        }

        var count = Inner.Send(_segments, SocketFlags.None, out error);
        _segments.Clear();
        return error == SocketError.Success ? count : -1;
    }

    public override SocketError ShutdownSend()
    {
        try
        {
            Inner.Shutdown(SocketShutdown.Send);
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }

    public override ReactorSocket? Accept(out SocketError error)
    {
        try
        {
            var accepted = Inner.Accept();
            error = SocketError.Success;
            return new ManagedSocket(accepted);
        }
        catch (SocketException exception)
        {
            error = exception.SocketErrorCode;
            return null;
        }
    }

    public override SocketError Bind(IPEndPoint local)
    {
        try
        {
            Inner.Bind(local);
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }

    public override SocketError BeginConnect(IPEndPoint remote)
    {
        try
        {
            Inner.Connect(remote);
            return SocketError.Success;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }

    public override SocketError GetPendingError() =>
        (SocketError)(int)Inner.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;

    public override TcpKernelInfo? GetKernelInfo() => null;

    public override void Close(bool abortive)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (abortive)
        {
            try
            {
                Inner.LingerState = new LingerOption(true, 0);
            }
            catch (SocketException)
            {
                // Already reset by the peer: closing is all that is left.
            }
        }

        // Not Close(0): .NET treats a zero timeout as an abortive close and resets every
        // connection, so a graceful close would drop data the kernel has not sent yet. Dispose
        // keeps the linger setting: off for a graceful close (FIN after the queued data), zero
        // after an abort (RST).
        Inner.Dispose();
    }

    private static EndPoint? SafeGet(Func<EndPoint?> read)
    {
        try
        {
            return read();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }
}
