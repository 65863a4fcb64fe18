namespace NetScope.Core.Internal.Linux;

/// <summary>The kernel's TCP state (<c>tcpi_state</c>), numbered as in <c>include/net/tcp_states.h</c>.</summary>
internal enum LinuxTcpState : byte
{
    /// <summary>No state reported.</summary>
    Unknown = 0,

    /// <summary><c>TCP_ESTABLISHED</c>: open, data flows both ways.</summary>
    Established = 1,

    /// <summary><c>TCP_SYN_SENT</c>: connecting, SYN sent.</summary>
    SynSent = 2,

    /// <summary><c>TCP_SYN_RECV</c>: SYN received, SYN-ACK sent.</summary>
    SynReceived = 3,

    /// <summary><c>TCP_FIN_WAIT1</c>: we closed, our FIN not yet acknowledged.</summary>
    FinWait1 = 4,

    /// <summary><c>TCP_FIN_WAIT2</c>: we closed and the peer acknowledged; waiting for its FIN.</summary>
    FinWait2 = 5,

    /// <summary><c>TCP_TIME_WAIT</c>: both closed; lingering for stray segments.</summary>
    TimeWait = 6,

    /// <summary><c>TCP_CLOSE</c>: closed (also a fresh or failed socket).</summary>
    Closed = 7,

    /// <summary><c>TCP_CLOSE_WAIT</c>: the peer closed its side; we may still send.</summary>
    CloseWait = 8,

    /// <summary><c>TCP_LAST_ACK</c>: both closed, our FIN not yet acknowledged.</summary>
    LastAck = 9,

    /// <summary><c>TCP_LISTEN</c>: a listening socket.</summary>
    Listen = 10,

    /// <summary><c>TCP_CLOSING</c>: both sides closed at once.</summary>
    Closing = 11,

    /// <summary><c>TCP_NEW_SYN_RECV</c>: a request socket awaiting the final ACK.</summary>
    NewSynReceived = 12,

    /// <summary><c>TCP_BOUND_INACTIVE</c>: bound, neither listening nor connected (Linux 6.7+).</summary>
    BoundInactive = 13,
}
