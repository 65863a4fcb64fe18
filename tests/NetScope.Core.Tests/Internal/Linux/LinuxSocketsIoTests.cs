using System.Net.Sockets;
using System.Text;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class LinuxSocketsIoTests : IDisposable
{
    private readonly LoopbackSockets _sockets = new();

    public void Dispose() => _sockets.Dispose();

    [Theory]
    [InlineData(AddressFamily.InterNetwork)]
    [InlineData(AddressFamily.InterNetworkV6)]
    public void DataRoundTripsInBothDirections(AddressFamily family)
    {
        (int client, int server) = _sockets.Connect(family);
        byte[] request = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: loopback\r\n\r\n");
        byte[] response = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();

        _sockets.SendAll(client, request);
        Assert.Equal(request, _sockets.ReceiveExactly(server, request.Length));
        _sockets.SendAll(server, response);
        Assert.Equal(response, _sockets.ReceiveExactly(client, response.Length));
    }

    [Fact]
    public void ReceiveReportsEAGAINWhenNothingHasArrived()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);

        SysResult result = LinuxSockets.Receive(server, new byte[64]);

        Assert.True(result.WouldBlock);
        Assert.Equal(Errno.EAGAIN, result.Error);
        Assert.Equal(0, result.Value);
        Assert.Equal(Errno.EAGAIN, LinuxSockets.Receive(client, new byte[64]).Error);
    }

    [Fact]
    public void ReceiveRejectsAnEmptyBuffer()
    {
        (int client, _) = _sockets.Connect(AddressFamily.InterNetwork);

        Assert.Throws<ArgumentException>(() => LinuxSockets.Receive(client, Span<byte>.Empty));
    }

    [Fact]
    public void ShutdownOfSendingMakesThePeerReadEndOfStreamWhileTheOtherDirectionStillWorks()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        _sockets.SendAll(client, "last words"u8);

        Assert.Equal(Errno.None, LinuxSockets.Shutdown(client, SocketShutdown.Send));

        Assert.Equal("last words"u8.ToArray(), _sockets.ReceiveExactly(server, 10));
        EpollEvents reported = _sockets.WaitFor(server, EpollEvents.In | EpollEvents.RdHup);
        Assert.Equal(EpollEvents.In | EpollEvents.RdHup, reported);
        SysResult endOfStream = LinuxSockets.Receive(server, new byte[16]);
        Assert.Equal((true, 0), (endOfStream.IsSuccess, endOfStream.Value));

        _sockets.SendAll(server, "reply after half-close"u8);
        Assert.Equal("reply after half-close"u8.ToArray(), _sockets.ReceiveExactly(client, 22));
        Assert.Equal(Errno.EPIPE, LinuxSockets.Send(client, "x"u8).Error);
    }

    [Fact]
    public void AbortiveCloseMakesThePeerReceiveFailWithECONNRESET()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);

        Assert.Equal(Errno.None, LinuxSockets.SetAbortiveClose(client));
        _sockets.Close(client);

        EpollEvents reported = _sockets.WaitFor(server, EpollEvents.In);
        Assert.True(reported.HasFlag(EpollEvents.Err), reported.ToString());
        SysResult result = LinuxSockets.Receive(server, new byte[16]);
        Assert.Equal(Errno.ECONNRESET, result.Error);
        Assert.Equal(SocketError.ConnectionReset, result.Error.ToSocketError());
        Assert.Equal("connection reset by peer", result.Error.ToMessage());
    }

    [Fact]
    public void SendingToAResetConnectionReportsAnErrorInsteadOfRaisingSigpipe()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        Assert.Equal(Errno.None, LinuxSockets.SetAbortiveClose(server));
        _sockets.Close(server);
        _sockets.WaitFor(client, EpollEvents.In);

        // The reset is reported once as ECONNRESET; every later send finds the pipe broken.
        Assert.Equal(Errno.ECONNRESET, LinuxSockets.Send(client, "a"u8).Error);
        Assert.Equal(Errno.EPIPE, LinuxSockets.Send(client, "b"u8).Error);
        Assert.Equal(Errno.EPIPE, LinuxSockets.SendVectored(client, new ReadOnlyMemory<byte>[] { new byte[1] }).Error);
    }

    [Fact]
    public void SendReportsEAGAINWhenTheKernelBuffersAreFull()
    {
        (int client, _) = _sockets.Connect(AddressFamily.InterNetwork);
        LoopbackSockets.Ok(LinuxSockets.SetSendBufferSize(client, 4096));
        byte[] chunk = new byte[64 * 1024];
        long accepted = 0;
        SysResult result = default;

        // Nobody reads on the server, so the client's send buffer and the server's receive buffer fill up.
        for (int i = 0; i < 10_000 && (result = LinuxSockets.Send(client, chunk)).IsSuccess; i++)
        {
            accepted += result.Value;
        }

        Assert.Equal(Errno.EAGAIN, result.Error);
        Assert.InRange(accepted, 1, 64L * 1024 * 1024);
    }

    [Fact]
    public void TheHotPathAllocatesNothing()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        using var epoll = new Epoll();
        LoopbackSockets.Ok(epoll.Add(server, EpollEvents.In, 1));
        var events = new EpollEvent[4];
        var buffer = new byte[256];
        ReadOnlyMemory<byte>[] segments = ["head"u8.ToArray(), new byte[100], "tail"u8.ToArray()];
        RoundTrip(client, server, epoll, events, buffer, segments);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RoundTrip(client, server, epoll, events, buffer, segments);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>One send, one vectored send, a wait, the reads, and the EAGAIN that ends them.</summary>
    private static void RoundTrip(int client, int server, Epoll epoll, EpollEvent[] events, byte[] buffer, ReadOnlyMemory<byte>[] segments)
    {
        const int Expected = 1 + 108;
        if (LinuxSockets.Send(client, "!"u8).Value != 1 || LinuxSockets.SendVectored(client, segments).Value != 108)
        {
            throw new InvalidOperationException("short send on an idle loopback connection");
        }

        int received = 0;
        while (received < Expected)
        {
            if (epoll.Wait(events, LoopbackSockets.TimeoutMs) == 0)
            {
                throw new TimeoutException("no data within the timeout");
            }

            SysResult result;
            while ((result = LinuxSockets.Receive(server, buffer)).IsSuccess && result.Value > 0)
            {
                received += result.Value;
            }

            if (!result.WouldBlock)
            {
                throw new InvalidOperationException(result.Error.ToMessage());
            }
        }

        if (epoll.Modify(server, EpollEvents.In | EpollEvents.RdHup, 1) != Errno.None)
        {
            throw new InvalidOperationException("epoll_ctl MOD failed");
        }
    }
}
