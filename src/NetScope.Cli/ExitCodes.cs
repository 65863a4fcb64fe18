namespace NetScope.Cli;

/// <summary>
/// The one-line meaning of every <see cref="ExitCode"/>, in one place: <c>--help</c>, the
/// <c>exit-codes</c> verb and <c>docs/cli.md</c> all show these words (a test keeps the doc in step).
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every exit code with its meaning, in ascending numeric order.</summary>
    public static IReadOnlyList<(ExitCode Code, string Meaning)> All { get; } =
    [
        (ExitCode.Success, "the command did what was asked"),
        (ExitCode.Error, "unexpected error: a bug, or a system error no other code names"),
        (ExitCode.Usage, "bad flag, argument or address"),
        (ExitCode.ConnectionRefused, "the peer refused the connection"),
        (ExitCode.HostNotFound, "the host name did not resolve"),
        (ExitCode.Timeout, "an operation did not finish in time"),
        (ExitCode.ExpectationNotMet, "the peer's answer did not match the expectation"),
        (ExitCode.PeerReset, "the peer reset the connection"),
        (ExitCode.NetworkUnreachable, "no route to the network or host"),
        (ExitCode.AddressInUse, "the local address is already in use"),
        (ExitCode.PermissionDenied, "the system refused the operation (e.g. a port below 1024)"),
        (ExitCode.FileError, "a file could not be read or written"),
        (ExitCode.TlsHandshakeFailed, "TLS failed, in the handshake (none of 21-26 applies) or after it"),
        (ExitCode.TlsUnknownIssuer, "the certificate's issuer is not trusted"),
        (ExitCode.TlsNameMismatch, "the certificate does not match the host name"),
        (ExitCode.TlsCertificateExpired, "the certificate is expired or not yet valid"),
        (ExitCode.TlsHandshakeTimeout, "the TLS handshake did not finish in time"),
        (ExitCode.TlsNoSharedProtocol, "no TLS version or cipher suite in common"),
        (ExitCode.TlsPeerNotTls, "the peer did not answer in TLS"),
        (ExitCode.HttpStatus, "with --fail, the HTTP status was 400 or above"),
        (ExitCode.HttpProtocolError, "the HTTP message was malformed"),
        (ExitCode.TooManyRedirects, "too many HTTP redirects"),
        (ExitCode.Interrupted, "interrupted by Ctrl+C (SIGINT) or SIGTERM"),
    ];

    /// <summary>The one-line meaning of <paramref name="code"/>.</summary>
    public static string Meaning(ExitCode code)
    {
        foreach (var (candidate, meaning) in All)
        {
            if (candidate == code)
            {
                return meaning;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(code), code, "not a netscope exit code");
    }

    /// <summary>
    /// Writes the table as aligned text, one code per line: the number right-aligned, the name, the
    /// meaning (<c>  3  ConnectionRefused      the peer refused the connection</c>).
    /// </summary>
    public static void WriteTable(TextWriter writer, string indent)
    {
        int nameWidth = 0;
        foreach (var (code, _) in All)
        {
            nameWidth = Math.Max(nameWidth, code.ToString().Length);
        }

        foreach (var (code, meaning) in All)
        {
            writer.WriteLine($"{indent}{(int)code,3}  {code.ToString().PadRight(nameWidth)}  {meaning}");
        }
    }
}
