using System.Net;
using System.Net.Sockets;
using NetScope.Core.Internal.Linux;
using NetScope.Core.Reactor.Internal;
using NetScope.Core.Transports;

namespace NetScope.Core.Reactor.Epoll;

/// <summary>A <see cref="ReactorSocket"/> over a raw Linux descriptor: each operation is one system call.</summary>
internal sealed class FdSocket : ReactorSocket
{
    private readonly AddressFamily _family;
    private EndPoint? _local;
    private EndPoint? _remote;

    public FdSocket(int fd, AddressFamily family, EndPoint? remote = null)
    {
        Fd = fd;
        _family = family;
        _remote = remote;
    }

    /// <summary>The descriptor, or -1 once closed.</summary>
    public int Fd { get; private set; }

    public override EndPoint? LocalEndPoint
    {
        get
        {
            if (_local is null && Fd >= 0 && LinuxSockets.GetSockName(Fd, out var address) == Errno.None)
            {
                _local = address.ToEndPoint();
            }

            return _local;
        }
    }

    public override EndPoint? RemoteEndPoint
    {
        get
        {
            if (_remote is null && Fd >= 0 && LinuxSockets.GetPeerName(Fd, out var address) == Errno.None)
            {
                _remote = address.ToEndPoint();
            }

            return _remote;
        }
    }

    public override bool NoDelay
    {
        get => LinuxSockets.GetOption(Fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY, out var value) == Errno.None && value != 0;
        set => LinuxSockets.SetNoDelay(Fd, value);
    }

    public override bool KeepAlive
    {
        get => LinuxSockets.GetOption(Fd, Libc.SOL_SOCKET, Libc.SO_KEEPALIVE, out var value) == Errno.None && value != 0;
        set => LinuxSockets.SetKeepAlive(Fd, value);
    }

    public override int Receive(Span<byte> buffer, out SocketError error)
    {
        var result = LinuxSockets.Receive(Fd, buffer);
        if (result.IsSuccess)
        {
            error = SocketError.Success;
            return result.Value;
        }

        error = result.Error.ToSocketError();
        return -1;
    }

    public override long Send(ReadOnlySpan<byte> data, out SocketError error) => Complete(LinuxSockets.Send(Fd, data), out error);

    public override long SendVectored(ReadOnlySpan<ReadOnlyMemory<byte>> segments, out SocketError error) =>
        Complete(LinuxSockets.SendVectored(Fd, segments), out error);

    public override SocketError ShutdownSend() => LinuxSockets.Shutdown(Fd, SocketShutdown.Send).ToSocketError();

    public override ReactorSocket? Accept(out SocketError error)
    {
        var result = LinuxSockets.Accept(Fd, out var peer);
        if (!result.IsSuccess)
        {
            error = result.Error.ToSocketError();
            return null;
        }

        error = SocketError.Success;
        return new FdSocket(result.Value, _family, peer.ToEndPoint());
    }

    public override SocketError Bind(IPEndPoint local) => LinuxSockets.Bind(Fd, SockAddr.FromEndPoint(local, _family)).ToSocketError();

    public override SocketError BeginConnect(IPEndPoint remote)
    {
        var errno = LinuxSockets.Connect(Fd, SockAddr.FromEndPoint(remote, _family));
        if (errno == Errno.None)
        {
            _remote = remote;
        }

        return errno == Errno.EINPROGRESS ? SocketError.InProgress : errno.ToSocketError();
    }

    public override SocketError GetPendingError() => LinuxSockets.GetSocketError(Fd).ToSocketError();

    public override TcpKernelInfo? GetKernelInfo()
    {
        if (Fd < 0 || !LinuxSockets.TryGetTcpInfo(Fd, out var info, out _))
        {
            return null;
        }

        return new TcpKernelInfo(
            info.RttMicroseconds,
            info.RttVarianceMicroseconds,
            info.SendCongestionWindow,
            info.TotalRetrans,
            info.Unacked,
            info.PathMtu,
            info.BytesAcked is { } acked ? (long)acked : -1,
            info.BytesReceived is { } received ? (long)received : -1);
    }

    public override void Close(bool abortive)
    {
        var fd = Fd;
        if (fd < 0)
        {
            return;
        }

        Fd = -1;
        if (abortive)
        {
            LinuxSockets.SetAbortiveClose(fd);
        }

        LinuxSockets.Close(fd);
    }

    private static long Complete(SysResult result, out SocketError error)
    {
        if (result.IsSuccess)
        {
            error = SocketError.Success;
            return result.Value;
        }

        error = result.Error.ToSocketError();
        return -1;
    }
}
