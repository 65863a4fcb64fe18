using System.Net;
using System.Net.Sockets;
using NetScope.Core.Reactor.Internal;

namespace NetScope.Core.Reactor.Portable;

/// <summary>
/// A reactor that learns readiness from <c>Socket.Select</c> (Twisted's
/// <c>selectreactor</c>): slower than epoll with many sockets, but it runs wherever .NET does.
/// Wake-ups arrive as a datagram on a loopback socket the reactor sends to itself.
/// </summary>
internal sealed class PortableReactor : ReactorBase
{
    private readonly List<Selectable> _registered = new();
    private readonly Dictionary<Socket, Selectable> _bySocket = new();
    private readonly List<Socket> _readList = new();
    private readonly List<Socket> _writeList = new();
    private readonly List<Socket> _errorList = new();
    private readonly Socket _waker;
    private readonly byte[] _wakeBuffer = new byte[64];

    public PortableReactor(ReactorOptions? options = null)
        : base("portable", options)
    {
        _waker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _waker.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _waker.Blocking = false;
    }

    protected override void Poll(int timeoutMs)
    {
        _readList.Clear();
        _writeList.Clear();
        _errorList.Clear();
        _readList.Add(_waker);
        foreach (var selectable in _registered)
        {
            var socket = ((ManagedSocket)selectable.Socket).Inner;
            if (selectable.WatchRead)
            {
                _readList.Add(socket);
            }

            if (selectable.WatchWrite)
            {
                _writeList.Add(socket);
                _errorList.Add(socket);
            }
        }

        Socket.Select(_readList, _writeList.Count > 0 ? _writeList : null, _errorList.Count > 0 ? _errorList : null, ToSelectMicroseconds(timeoutMs));
        foreach (var socket in _readList)
        {
            if (socket == _waker)
            {
                DrainWaker();
                AcknowledgeWakeUp();
                continue;
            }

            if (_bySocket.TryGetValue(socket, out var selectable))
            {
                Dispatch(selectable, readable: true, writable: false);
            }
        }

        foreach (var socket in _writeList.Concat(_errorList))
        {
            if (_bySocket.TryGetValue(socket, out var selectable))
            {
                Dispatch(selectable, readable: false, writable: true);
            }
        }
    }

    protected override void WakeUp()
    {
        try
        {
            _waker.SendTo([1], _waker.LocalEndPoint!);
        }
        catch (SocketException)
        {
            // A full socket buffer means a wake-up is already pending.
        }
        catch (ObjectDisposedException)
        {
            // The loop has ended; there is nothing to wake.
        }
    }

    protected override void DisposeBackend() => _waker.Dispose();

    /// <summary>
    /// Select takes microseconds in an int, so a timer more than about 36 minutes away would
    /// overflow into a negative (invalid) wait. Waking early is harmless: the loop recomputes.
    /// </summary>
    internal static int ToSelectMicroseconds(int timeoutMs) =>
        timeoutMs < 0 ? -1 : (int)Math.Min((long)timeoutMs * 1000, int.MaxValue);

    internal override void Register(Selectable selectable, bool read, bool write)
    {
        selectable.Slot = _registered.Count;
        _registered.Add(selectable);
        _bySocket[((ManagedSocket)selectable.Socket).Inner] = selectable;
        SetFlags(selectable, read, write);
    }

    internal override void UpdateInterest(Selectable selectable, bool read, bool write)
    {
        if (selectable.Slot >= 0)
        {
            SetFlags(selectable, read, write);
        }
    }

    internal override void Unregister(Selectable selectable)
    {
        if (selectable.Slot < 0)
        {
            return;
        }

        SetFlags(selectable, read: false, write: false);
        _registered.Remove(selectable);
        _bySocket.Remove(((ManagedSocket)selectable.Socket).Inner);
        selectable.Slot = -1;
    }

    internal override ReactorSocket CreateTcpSocket(AddressFamily family, out SocketError error)
    {
        error = SocketError.Success;
        return new ManagedSocket(new Socket(family, SocketType.Stream, ProtocolType.Tcp));
    }

    internal override ReactorSocket? CreateListener(IPEndPoint endpoint, int backlog, out SocketError error)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            AllowRebindDuringTimeWait(socket);
            socket.Bind(endpoint);
            socket.Listen(backlog);
            error = SocketError.Success;
            return new ManagedSocket(socket);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            error = exception.SocketErrorCode;
            return null;
        }
    }

    /// <summary>
    /// Sets SO_REUSEADDR, as Twisted does on POSIX, so a restarted server can listen again
    /// while old connections linger in TIME_WAIT. Not through <see cref="SocketOptionName.ReuseAddress"/>:
    /// on Unix .NET sets SO_REUSEPORT with it, which would let a second listener share a port
    /// in use instead of failing with "address already in use". Not at all on Windows, where
    /// SO_REUSEADDR lets another socket take over a port in use.
    /// </summary>
    private static void AllowRebindDuringTimeWait(Socket socket)
    {
        var on = BitConverter.GetBytes(1);
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(1 /* SOL_SOCKET */, 2 /* SO_REUSEADDR */, on);
        }
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            socket.SetRawSocketOption(0xffff /* SOL_SOCKET */, 4 /* SO_REUSEADDR */, on);
        }
    }

    private void SetFlags(Selectable selectable, bool read, bool write)
    {
        ReaderCount += (read ? 1 : 0) - (selectable.WatchRead ? 1 : 0);
        WriterCount += (write ? 1 : 0) - (selectable.WatchWrite ? 1 : 0);
        selectable.WatchRead = read;
        selectable.WatchWrite = write;
    }

    private void DrainWaker()
    {
        try
        {
            while (_waker.Available > 0)
            {
                _waker.Receive(_wakeBuffer);
            }
        }
        catch (SocketException)
        {
            // Nothing left to drain.
        }
    }
}
