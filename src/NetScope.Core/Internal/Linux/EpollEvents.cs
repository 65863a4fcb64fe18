namespace NetScope.Core.Internal.Linux;

/// <summary>The <c>EPOLL*</c> event bits, as registered with <see cref="Epoll"/> and reported in <see cref="EpollEvent.Events"/>.</summary>
[Flags]
internal enum EpollEvents : uint
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary><c>EPOLLIN</c>: readable (data, end of stream, or a connection to accept).</summary>
    In = 0x001,

    /// <summary><c>EPOLLPRI</c>: urgent data.</summary>
    Pri = 0x002,

    /// <summary><c>EPOLLOUT</c>: writable (also: a non-blocking connect has finished, for better or worse).</summary>
    Out = 0x004,

    /// <summary><c>EPOLLERR</c>: an error is pending (read it with <see cref="LinuxSockets.GetSocketError"/>); always reported.</summary>
    Err = 0x008,

    /// <summary><c>EPOLLHUP</c>: both directions are shut down (or the connect failed); always reported.</summary>
    Hup = 0x010,

    /// <summary><c>EPOLLRDHUP</c>: the peer shut down its writing side (half-close).</summary>
    RdHup = 0x2000,

    /// <summary><c>EPOLLEXCLUSIVE</c>: wake only one of several epoll instances waiting on the same descriptor (ADD only).</summary>
    Exclusive = 1u << 28,

    /// <summary><c>EPOLLONESHOT</c>: disable the registration after one event until it is modified again.</summary>
    OneShot = 1u << 30,

    /// <summary><c>EPOLLET</c>: edge-triggered: report a change once instead of while the condition holds.</summary>
    EdgeTriggered = 1u << 31,
}
