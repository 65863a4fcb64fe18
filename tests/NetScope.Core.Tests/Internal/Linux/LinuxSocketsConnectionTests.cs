using System.Net;
using System.Net.Sockets;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class LinuxSocketsConnectionTests : IDisposable
{
    private readonly LoopbackSockets _sockets = new();

    public void Dispose() => _sockets.Dispose();

    [Fact]
    public void ListeningOnIPv4LoopbackPortZeroReportsTheBoundPort()
    {
        (_, IPEndPoint bound) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.Equal(IPAddress.Loopback, bound.Address);
        Assert.InRange(bound.Port, 1, 65535);
    }

    [Fact]
    public void ListeningOnIPv6LoopbackPortZeroReportsTheBoundPort()
    {
        (_, IPEndPoint bound) = _sockets.Listen(new IPEndPoint(IPAddress.IPv6Loopback, 0));

        Assert.Equal(IPAddress.IPv6Loopback, bound.Address);
        Assert.InRange(bound.Port, 1, 65535);
    }

    [Fact]
    public void NewSocketsAreNonBlockingAndCloseOnExec()
    {
        int fd = _sockets.NewSocket(AddressFamily.InterNetwork);

        // /proc/self/fdinfo/N has "flags:\t<octal>"; O_NONBLOCK is 04000 and O_CLOEXEC 02000000.
        string flagsLine = File.ReadLines($"/proc/self/fdinfo/{fd}").Single(l => l.StartsWith("flags:", StringComparison.Ordinal));
        int flags = Convert.ToInt32(flagsLine["flags:".Length..].Trim(), 8);
        Assert.Equal(0x800, flags & 0x800);
        Assert.Equal(0x80000, flags & 0x80000);
    }

    [Theory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void NonBlockingConnectCompletesAndEpollReportsWritable(AddressFamily family)
    {
        IPAddress loopback = family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback;
        (int listener, IPEndPoint endPoint) = _sockets.Listen(new IPEndPoint(loopback, 0));
        int client = _sockets.NewSocket(family);

        Assert.Equal(Errno.EINPROGRESS, LinuxSockets.Connect(client, SockAddr.FromEndPoint(endPoint)));
        EpollEvents reported = _sockets.WaitFor(client, EpollEvents.Out);

        Assert.Equal(EpollEvents.Out, reported);
        Assert.Equal(Errno.None, LinuxSockets.GetSocketError(client));
        Assert.Equal(Errno.None, LinuxSockets.GetPeerName(client, out SockAddr peer));
        Assert.Equal(endPoint, peer.ToEndPoint());
        _sockets.WaitFor(listener, EpollEvents.In);
        Assert.True(LinuxSockets.Accept(listener).IsSuccess);
    }

    [Fact]
    public void AcceptReportsEAGAINWhenNoConnectionIsPending()
    {
        (int listener, _) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.Equal(Errno.EAGAIN, LinuxSockets.Accept(listener).Error);
        Assert.True(LinuxSockets.Accept(listener, out SockAddr peer).WouldBlock);
        Assert.Equal(0, peer.Length);
    }

    [Fact]
    public void AcceptReportsThePeerAddressAndTheAcceptedSocketIsNonBlocking()
    {
        (int listener, IPEndPoint endPoint) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        int client = _sockets.NewSocket(AddressFamily.InterNetwork);
        LinuxSockets.Connect(client, SockAddr.FromEndPoint(endPoint));
        _sockets.WaitFor(listener, EpollEvents.In);

        int server = _sockets.Track(LoopbackSockets.Ok(LinuxSockets.Accept(listener, out SockAddr peer)));

        Assert.Equal(LoopbackSockets.LocalEndPoint(client), peer.ToEndPoint());
        Assert.Equal(Errno.EAGAIN, LinuxSockets.Receive(server, new byte[16]).Error);
    }

    [Fact]
    public void DualStackListenerSeesAnIPv4PeerAsAnIPv4MappedAddress()
    {
        int listener = _sockets.NewSocket(AddressFamily.InterNetworkV6);
        LoopbackSockets.Ok(LinuxSockets.SetV6Only(listener, false));
        LoopbackSockets.Ok(LinuxSockets.Bind(listener, SockAddr.FromEndPoint(new IPEndPoint(IPAddress.IPv6Any, 0))));
        LoopbackSockets.Ok(LinuxSockets.Listen(listener, 4));
        int port = LoopbackSockets.LocalEndPoint(listener).Port;
        int client = _sockets.NewSocket(AddressFamily.InterNetwork);
        LinuxSockets.Connect(client, SockAddr.FromEndPoint(new IPEndPoint(IPAddress.Loopback, port)));
        _sockets.WaitFor(listener, EpollEvents.In);

        _sockets.Track(LoopbackSockets.Ok(LinuxSockets.Accept(listener, out SockAddr peer)));

        IPEndPoint seen = peer.ToEndPoint();
        Assert.True(seen.Address.IsIPv4MappedToIPv6, seen.ToString());
        Assert.Equal(LoopbackSockets.LocalEndPoint(client), new IPEndPoint(seen.Address.MapToIPv4(), seen.Port));
    }

    [Fact]
    public void IPv6SocketConnectsToAnIPv4AddressThroughTheMappedForm()
    {
        (_, IPEndPoint endPoint) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        int client = _sockets.NewSocket(AddressFamily.InterNetworkV6);

        LinuxSockets.Connect(client, SockAddr.FromEndPoint(endPoint, AddressFamily.InterNetworkV6));
        _sockets.WaitFor(client, EpollEvents.Out);

        Assert.Equal(Errno.None, LinuxSockets.GetSocketError(client));
        Assert.Equal(Errno.None, LinuxSockets.GetPeerName(client, out SockAddr peer));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback.MapToIPv6(), endPoint.Port), peer.ToEndPoint());
    }

    [Fact]
    public void ConnectingToAPortWithNoListenerFailsWithECONNREFUSEDThroughSoError()
    {
        // A bound socket that does not listen holds the port, so nothing else can take it, and
        // the kernel answers the SYN with a reset.
        int holder = _sockets.NewSocket(AddressFamily.InterNetwork);
        LoopbackSockets.Ok(LinuxSockets.Bind(holder, SockAddr.FromEndPoint(new IPEndPoint(IPAddress.Loopback, 0))));
        int client = _sockets.NewSocket(AddressFamily.InterNetwork);

        Assert.Equal(Errno.EINPROGRESS, LinuxSockets.Connect(client, SockAddr.FromEndPoint(LoopbackSockets.LocalEndPoint(holder))));
        EpollEvents reported = _sockets.WaitFor(client, EpollEvents.Out);

        Assert.Equal(EpollEvents.Out | EpollEvents.Err | EpollEvents.Hup, reported);
        Assert.Equal(Errno.ECONNREFUSED, LinuxSockets.GetSocketError(client));
        Assert.Equal(Errno.None, LinuxSockets.GetSocketError(client));
    }

    [Fact]
    public void BindingToAPortInUseFailsWithEADDRINUSE()
    {
        (_, IPEndPoint endPoint) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));
        int second = _sockets.NewSocket(AddressFamily.InterNetwork);
        LoopbackSockets.Ok(LinuxSockets.SetReuseAddress(second, true));

        Assert.Equal(Errno.EADDRINUSE, LinuxSockets.Bind(second, SockAddr.FromEndPoint(endPoint)));
    }

    [Fact]
    public void BindingToAnAddressThatIsNotLocalFailsWithEADDRNOTAVAIL()
    {
        int fd = _sockets.NewSocket(AddressFamily.InterNetwork);

        // 192.0.2.0/24 is TEST-NET-1: never assigned to a host. Nothing is sent.
        Errno errno = LinuxSockets.Bind(fd, SockAddr.FromEndPoint(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 0)));

        Assert.Equal(Errno.EADDRNOTAVAIL, errno);
        Assert.Equal("cannot assign requested address", errno.ToMessage());
    }

    [Fact]
    public void OptionsReadBackAsSet()
    {
        int fd = _sockets.NewSocket(AddressFamily.InterNetworkV6);

        LoopbackSockets.Ok(LinuxSockets.SetNoDelay(fd, true));
        LoopbackSockets.Ok(LinuxSockets.SetKeepAlive(fd, true));
        LoopbackSockets.Ok(LinuxSockets.SetReuseAddress(fd, true));
        LoopbackSockets.Ok(LinuxSockets.SetV6Only(fd, true));
        LoopbackSockets.Ok(LinuxSockets.SetReceiveBufferSize(fd, 64 * 1024));
        LoopbackSockets.Ok(LinuxSockets.SetSendBufferSize(fd, 32 * 1024));

        Assert.Equal(1, Option(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY));
        Assert.Equal(1, Option(fd, Libc.SOL_SOCKET, Libc.SO_KEEPALIVE));
        Assert.Equal(1, Option(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR));
        Assert.Equal(1, Option(fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY));
        // The kernel doubles the requested size to leave room for its bookkeeping.
        LoopbackSockets.Ok(LinuxSockets.GetReceiveBufferSize(fd, out int receiveBuffer));
        LoopbackSockets.Ok(LinuxSockets.GetSendBufferSize(fd, out int sendBuffer));
        Assert.Equal((128 * 1024, 64 * 1024), (receiveBuffer, sendBuffer));

        LoopbackSockets.Ok(LinuxSockets.SetNoDelay(fd, false));
        Assert.Equal(0, Option(fd, Libc.IPPROTO_TCP, Libc.TCP_NODELAY));
    }

    [Fact]
    public void OptionErrorsComeBackAsErrnoValues()
    {
        int fd = _sockets.NewSocket(AddressFamily.InterNetwork);

        Assert.Equal(Errno.ENOPROTOOPT, LinuxSockets.SetOption(fd, Libc.SOL_SOCKET, 9999, 1));
        Assert.Equal(Errno.EBADF, LinuxSockets.SetNoDelay(-1, true));
        Assert.Equal(Errno.EBADF, LinuxSockets.GetSocketError(-1));
    }

    [Fact]
    public void OperationsOnAnInvalidDescriptorReportEBADF()
    {
        Assert.Equal(Errno.EBADF, LinuxSockets.Close(-1));
        Assert.Equal(Errno.EBADF, LinuxSockets.Receive(-1, new byte[1]).Error);
        Assert.Equal(Errno.EBADF, LinuxSockets.Send(-1, new byte[1]).Error);
        Assert.Equal(Errno.EBADF, LinuxSockets.GetSockName(-1, out _));
    }

    [Fact]
    public void ShutdownOfAnUnconnectedSocketReportsENOTCONN()
    {
        int fd = _sockets.NewSocket(AddressFamily.InterNetwork);

        Assert.Equal(Errno.ENOTCONN, LinuxSockets.Shutdown(fd, SocketShutdown.Send));
        Assert.Equal(Errno.ENOTCONN, LinuxSockets.GetPeerName(fd, out SockAddr peer));
        Assert.Equal("(none)", peer.ToString());
    }

    [Fact]
    public void CreateTcpRejectsOtherAddressFamilies()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinuxSockets.CreateTcp(AddressFamily.Unix));
    }

    private static int Option(int fd, int level, int name)
    {
        LoopbackSockets.Ok(LinuxSockets.GetOption(fd, level, name, out int value));
        return value;
    }
}
