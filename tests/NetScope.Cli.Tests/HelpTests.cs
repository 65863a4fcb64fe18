namespace NetScope.Cli.Tests;

public sealed class HelpTests
{
    private static readonly string[] ExitCodeSection =
    [
        "Exit codes:",
        "    0  Success                the command did what was asked",
        "    1  Error                  unexpected error: a bug, or a system error no other code names",
        "    2  Usage                  bad flag, argument or address",
        "    3  ConnectionRefused      the peer refused the connection",
        "    4  HostNotFound           the host name did not resolve",
        "    5  Timeout                an operation did not finish in time",
        "    6  ExpectationNotMet      the peer's answer did not match the expectation",
        "    7  PeerReset              the peer reset the connection",
        "    8  NetworkUnreachable     no route to the network or host",
        "    9  AddressInUse           the local address is already in use",
        "   10  PermissionDenied       the system refused the operation (e.g. a port below 1024)",
        "   11  FileError              a file could not be read or written",
        "   20  TlsHandshakeFailed     TLS failed, in the handshake (none of 21-26 applies) or after it",
        "   21  TlsUnknownIssuer       the certificate's issuer is not trusted",
        "   22  TlsNameMismatch        the certificate does not match the host name",
        "   23  TlsCertificateExpired  the certificate is expired or not yet valid",
        "   24  TlsHandshakeTimeout    the TLS handshake did not finish in time",
        "   25  TlsNoSharedProtocol    no TLS version or cipher suite in common",
        "   26  TlsPeerNotTls          the peer did not answer in TLS",
        "   30  HttpStatus             with --fail, the HTTP status was 400 or above",
        "   31  HttpProtocolError      the HTTP message was malformed",
        "   32  TooManyRedirects       too many HTTP redirects",
        "  130  Interrupted            interrupted by Ctrl+C (SIGINT) or SIGTERM",
    ];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RootHelpEndsWithTheWholeExitCodeTable(string flag)
    {
        CliRun run = await CliRun.NetScopeAsync(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        IReadOnlyList<string> lines = run.StdoutLines;
        Assert.Equal(ExitCodeSection, lines.Skip(lines.Count - ExitCodeSection.Length));
        Assert.EndsWith("\n\n", run.Stdout);
    }

    [Fact]
    public async Task RootHelpDescribesTheToolAndListsItsVerbs()
    {
        CliRun run = await CliRun.NetScopeAsync("--help");

        Assert.Equal(
            [
                "Description:",
                "  NetScope: a terminal network-debugging tool built on a Twisted-style reactor.",
                "",
                "Usage:",
                "  netscope [command] [options]",
            ],
            run.StdoutLines.Take(5));
        // The description column moves with the longest verb name, so match the line loosely there.
        Assert.Contains(run.StdoutLines, line => line.StartsWith("  exit-codes ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(" List the exit codes and what they mean", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, line => line.StartsWith("  tcp <target> ", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, line => line.StartsWith("  --version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerbHelpShowsTheVerbUsageWithoutTheExitCodeTable()
    {
        CliRun run = await CliRun.NetScopeAsync("exit-codes", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  netscope exit-codes [options]", run.StdoutLines);
        Assert.DoesNotContain("Exit codes:", run.StdoutLines);
    }
}
