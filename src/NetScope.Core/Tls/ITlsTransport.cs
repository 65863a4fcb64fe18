using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Core.Tls;

/// <summary>
/// A TLS connection as a protocol sees it: a normal transport (plaintext in, plaintext out) plus what the
/// handshake negotiated. Its <see cref="ITransport.Stats"/> (kind <c>tls</c>) count plaintext and go
/// TlsHandshaking, Established, then ReadClosed/WriteClosed on close_notify, Closing and Closed or Failed;
/// the transport underneath (<see cref="LowerTransport"/>) keeps its own record of the ciphertext.
/// </summary>
/// <remarks>
/// <para>
/// Half-close is TLS's: <see cref="ITcpTransport.LoseWriteConnection"/> sends close_notify (and then a FIN
/// when the transport beneath is TCP) while data still arrives; a peer's close_notify reaches a
/// <c>IHalfCloseableProtocol</c> as <c>ReadConnectionLost</c>. <see cref="ITransport.LoseConnection"/>
/// sends close_notify after everything written, then closes the transport beneath.
/// </para>
/// <para>
/// The protocol's <c>ConnectionLost</c> gets a <see cref="Errors.ConnectionDoneException"/> after a clean
/// close, a <see cref="TlsFailureException"/> when TLS ended it (a failed or timed-out handshake, a TLS
/// error, or a peer that closed without close_notify: <see cref="TlsFailureKind.TruncatedClose"/>), or the
/// transport's own error (a reset after the handshake, an abort).
/// </para>
/// <para>
/// <see cref="ITcpTransport.NoDelay"/>, <see cref="ITcpTransport.KeepAlive"/> and
/// <see cref="ITcpTransport.GetKernelInfo"/> reach the TCP connection beneath; over another transport they
/// read false and null and setting them does nothing. All members must be used on the reactor thread.
/// </para>
/// </remarks>
public interface ITlsTransport : ITcpTransport
{
    /// <summary>Which side of the handshake this end plays.</summary>
    TlsRole Role { get; }

    /// <summary>Where the TLS layer is: handshaking, established, closed or failed.</summary>
    TlsEngineState TlsState { get; }

    /// <summary>What the handshake negotiated; null until it completes.</summary>
    TlsSessionInfo? Session { get; }

    /// <summary>Why TLS ended the connection, once it has; null otherwise.</summary>
    TlsFailure? Failure { get; }

    /// <summary>The transport the ciphertext travels over (the TCP connection).</summary>
    ITransport LowerTransport { get; }

    /// <summary>A snapshot of everything above, plus the handshake's elapsed time while it runs.</summary>
    TlsStatus GetStatus();

    /// <summary>
    /// A new Deferred that fires with the session when the handshake completes, or fails with a
    /// <see cref="TlsFailureException"/> (or the connection's error) if it never does. Already settled
    /// when the handshake is over. Each call returns its own Deferred, so one caller's errback does not
    /// consume another's failure.
    /// </summary>
    Deferred<TlsSessionInfo> NotifyHandshakeCompleted();
}
