namespace NetScope.Cli;

/// <summary>
/// The process exit codes of <c>netscope</c>. Scripts may rely on these numbers: they never change
/// meaning. <c>docs/cli.md</c> and <c>netscope --help</c> list them with the same one-line meanings
/// (<see cref="ExitCodes.Meaning"/>).
/// </summary>
/// <remarks>
/// Codes below 20 are about the command line, the network and files; 20-29 are TLS; 30-39 are HTTP;
/// 130 is the shell's convention for a process stopped by SIGINT (128 + 2).
/// </remarks>
internal enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Success = 0,

    /// <summary>
    /// An unexpected error: an internal one (a bug; <c>NETSCOPE_DEBUG=1</c> shows the stack trace), or a
    /// system error that no other code names.
    /// </summary>
    Error = 1,

    /// <summary>A bad flag, argument or address on the command line.</summary>
    Usage = 2,

    /// <summary>The peer refused the connection (nothing listens on that port).</summary>
    ConnectionRefused = 3,

    /// <summary>The host name did not resolve.</summary>
    HostNotFound = 4,

    /// <summary>An operation did not finish in time.</summary>
    Timeout = 5,

    /// <summary>The peer's answer did not match what the command was told to expect.</summary>
    ExpectationNotMet = 6,

    /// <summary>The peer reset the connection.</summary>
    PeerReset = 7,

    /// <summary>No route to the network or host.</summary>
    NetworkUnreachable = 8,

    /// <summary>The local address is already in use.</summary>
    AddressInUse = 9,

    /// <summary>The system refused the operation (for example a port below 1024).</summary>
    PermissionDenied = 10,

    /// <summary>A file could not be read or written.</summary>
    FileError = 11,

    /// <summary>
    /// TLS failed: the handshake, for a reason that none of the codes 21-26 names (a reset, an alert, a pin
    /// mismatch), or the session after it (a TLS error, or a peer that closed without close_notify).
    /// </summary>
    TlsHandshakeFailed = 20,

    /// <summary>The peer's certificate chain ends at an issuer that is not trusted.</summary>
    TlsUnknownIssuer = 21,

    /// <summary>The peer's certificate is not valid for the host name.</summary>
    TlsNameMismatch = 22,

    /// <summary>The peer's certificate is expired or not yet valid.</summary>
    TlsCertificateExpired = 23,

    /// <summary>The TLS handshake did not finish in time.</summary>
    TlsHandshakeTimeout = 24,

    /// <summary>The two sides share no TLS version or cipher suite.</summary>
    TlsNoSharedProtocol = 25,

    /// <summary>The peer did not answer in TLS.</summary>
    TlsPeerNotTls = 26,

    /// <summary>With <c>--fail</c>, the HTTP status was 400 or above.</summary>
    HttpStatus = 30,

    /// <summary>The HTTP message was malformed.</summary>
    HttpProtocolError = 31,

    /// <summary>The HTTP redirects went past the allowed number.</summary>
    TooManyRedirects = 32,

    /// <summary>Interrupted by Ctrl+C (SIGINT) or SIGTERM.</summary>
    Interrupted = 130,
}
