using System.Net;
using System.Net.Sockets;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

/// <summary>
/// Test scaffolding on real loopback sockets: creates listeners and connected pairs, waits for
/// readiness with a bounded epoll wait (never a sleep), and closes every descriptor it handed out.
/// </summary>
internal sealed class LoopbackSockets : IDisposable
{
    /// <summary>The safety net for every wait: far beyond what loopback needs.</summary>
    public const int TimeoutMs = 10_000;

    private readonly List<int> _fds = [];
    private readonly Epoll _epoll = new();

    public static int Ok(SysResult result)
    {
        Assert.True(result.IsSuccess, $"expected success, got {result}");
        return result.Value;
    }

    public static void Ok(Errno errno) => Assert.Equal(Errno.None, errno);

    public static IPEndPoint LocalEndPoint(int fd)
    {
        Ok(LinuxSockets.GetSockName(fd, out SockAddr address));
        return address.ToEndPoint();
    }

    public int Track(int fd)
    {
        _fds.Add(fd);
        return fd;
    }

    public int NewSocket(AddressFamily family) => Track(Ok(LinuxSockets.CreateTcp(family)));

    /// <summary>A listening socket on <paramref name="endPoint"/> (port 0: the kernel picks), and the address it got.</summary>
    public (int Fd, IPEndPoint EndPoint) Listen(IPEndPoint endPoint)
    {
        int fd = NewSocket(endPoint.AddressFamily);
        Ok(LinuxSockets.Bind(fd, SockAddr.FromEndPoint(endPoint)));
        Ok(LinuxSockets.Listen(fd, 16));
        return (fd, LocalEndPoint(fd));
    }

    /// <summary>A connected pair over loopback of the given family: the connecting side and the accepted side.</summary>
    public (int Client, int Server) Connect(AddressFamily family)
    {
        IPAddress loopback = family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        (int listener, IPEndPoint endPoint) = Listen(new IPEndPoint(loopback, 0));
        int client = NewSocket(family);
        Errno started = LinuxSockets.Connect(client, SockAddr.FromEndPoint(endPoint));
        Assert.True(started is Errno.None or Errno.EINPROGRESS, $"connect: {started}");
        WaitFor(client, EpollEvents.Out);
        Assert.Equal(Errno.None, LinuxSockets.GetSocketError(client));
        WaitFor(listener, EpollEvents.In);
        int server = Track(Ok(LinuxSockets.Accept(listener)));
        Close(listener);
        return (client, server);
    }

    /// <summary>Waits (bounded) until <paramref name="fd"/> reports one of <paramref name="interest"/> (or an error or hang-up), and returns what it reported.</summary>
    public EpollEvents WaitFor(int fd, EpollEvents interest)
    {
        Ok(_epoll.Add(fd, interest, (ulong)fd));
        try
        {
            Span<EpollEvent> events = stackalloc EpollEvent[1];
            int count = WaitForAny(_epoll, events);
            Assert.True(count == 1, $"fd {fd} did not report {interest} within {TimeoutMs} ms");
            Assert.Equal((ulong)fd, events[0].Data);
            return events[0].Events;
        }
        finally
        {
            Ok(_epoll.Remove(fd));
        }
    }

    /// <summary>
    /// Waits up to <see cref="TimeoutMs"/> for reports from <paramref name="epoll"/>. <see cref="Epoll.Wait"/>
    /// returns 0 early when a signal cuts it short (the runtime signals threads, for example to
    /// suspend them for a collection), so this waits again until the deadline.
    /// </summary>
    public static int WaitForAny(Epoll epoll, Span<EpollEvent> events)
    {
        long deadline = Environment.TickCount64 + TimeoutMs;
        int count;
        while ((count = epoll.Wait(events, (int)Math.Max(0, deadline - Environment.TickCount64))) == 0 && Environment.TickCount64 < deadline)
        {
        }

        return count;
    }

    public void SendAll(int fd, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            SysResult sent = LinuxSockets.Send(fd, data);
            if (sent.WouldBlock)
            {
                WaitFor(fd, EpollEvents.Out);
                continue;
            }

            data = data[Ok(sent)..];
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, waiting (bounded) whenever nothing is there; fails on end of stream.</summary>
    public byte[] ReceiveExactly(int fd, int count)
    {
        var received = new byte[count];
        int filled = 0;
        while (filled < count)
        {
            SysResult result = LinuxSockets.Receive(fd, received.AsSpan(filled));
            if (result.WouldBlock)
            {
                WaitFor(fd, EpollEvents.In);
                continue;
            }

            int n = Ok(result);
            Assert.True(n > 0, $"end of stream after {filled} of {count} bytes");
            filled += n;
        }

        return received;
    }

    /// <summary>Waits (bounded) for the next receive that does not block, and returns it.</summary>
    public SysResult ReceiveWhenReady(int fd, Span<byte> buffer)
    {
        WaitFor(fd, EpollEvents.In);
        return LinuxSockets.Receive(fd, buffer);
    }

    public void Close(int fd)
    {
        Assert.True(_fds.Remove(fd), $"fd {fd} is not tracked");
        Ok(LinuxSockets.Close(fd));
    }

    public void Dispose()
    {
        foreach (int fd in _fds)
        {
            LinuxSockets.Close(fd);
        }

        _fds.Clear();
        _epoll.Dispose();
    }
}
