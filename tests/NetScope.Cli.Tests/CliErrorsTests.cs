using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using CsCheck;

namespace NetScope.Cli.Tests;

public sealed class CliErrorsTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, (int)ExitCode.ConnectionRefused, "connection refused")]
    [InlineData(SocketError.HostNotFound, (int)ExitCode.HostNotFound, "host not found")]
    [InlineData(SocketError.NoData, (int)ExitCode.HostNotFound, "host has no address")]
    [InlineData(SocketError.TryAgain, (int)ExitCode.HostNotFound, "temporary failure in name resolution")]
    [InlineData(SocketError.TimedOut, (int)ExitCode.Timeout, "connection timed out")]
    [InlineData(SocketError.ConnectionReset, (int)ExitCode.PeerReset, "connection reset by peer")]
    [InlineData(SocketError.NetworkUnreachable, (int)ExitCode.NetworkUnreachable, "network unreachable")]
    [InlineData(SocketError.HostUnreachable, (int)ExitCode.NetworkUnreachable, "no route to host")]
    [InlineData(SocketError.NetworkDown, (int)ExitCode.NetworkUnreachable, "network is down")]
    [InlineData(SocketError.AddressAlreadyInUse, (int)ExitCode.AddressInUse, "address already in use")]
    [InlineData(SocketError.AccessDenied, (int)ExitCode.PermissionDenied, "permission denied")]
    public void SocketErrorsMapToTheirExitCodeWithTheOperationInTheMessage(
        SocketError error, int expectedCode, string reason)
    {
        CliException failure = CliErrors.Fail("connect 127.0.0.1:9", new SocketException((int)error));

        Assert.Equal(
            new CliFailure((ExitCode)expectedCode, $"netscope: connect 127.0.0.1:9: {reason}"),
            CliErrors.Describe(failure));
    }

    [Fact]
    public void RealRefusedLoopbackConnectMapsToConnectionRefused()
    {
        // A bound socket that does not listen holds the port, so the connect is refused for sure.
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endPoint = (IPEndPoint)holder.LocalEndPoint!;
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        SocketException refused = Assert.Throws<SocketException>(() => client.Connect(endPoint));

        Assert.Equal(
            new CliFailure(ExitCode.ConnectionRefused, $"netscope: connect {endPoint}: connection refused"),
            CliErrors.Describe(CliErrors.Fail($"connect {endPoint}", refused)));
    }

    [Fact]
    public void RealSecondBindOnTheSamePortMapsToAddressInUse()
    {
        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        first.Listen();
        var endPoint = (IPEndPoint)first.LocalEndPoint!;
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        SocketException inUse = Assert.Throws<SocketException>(() => second.Bind(endPoint));

        Assert.Equal(
            new CliFailure(ExitCode.AddressInUse, $"netscope: listen {endPoint}: address already in use"),
            CliErrors.Describe(CliErrors.Fail($"listen {endPoint}", inUse)));
    }

    [Fact]
    public void MissingFileMapsToFileErrorNamingThePath()
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("netscope-cli-tests-");
        try
        {
            string path = Path.Combine(folder.FullName, "missing.txt");
            FileNotFoundException missing = Assert.Throws<FileNotFoundException>(() => File.OpenRead(path).Dispose());

            Assert.Equal(new CliFailure(ExitCode.FileError, $"netscope: {path}: no such file"), CliErrors.Describe(missing));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SocketErrorInsideAStreamExceptionIsMappedByTheSocketError()
    {
        var wrapped = new IOException("Unable to read data from the transport connection.",
            new SocketException((int)SocketError.ConnectionReset));

        Assert.Equal(
            new CliFailure(ExitCode.PeerReset, "netscope: read: connection reset by peer"),
            CliErrors.Describe(CliErrors.Fail("read", wrapped)));
    }

    [Fact]
    public void OtherExceptionTypesWrappingASocketErrorAreNotUnwrapped()
    {
        var wrapped = new InvalidOperationException("Handshake state is broken.",
            new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(
            new CliFailure(ExitCode.Error, "netscope: internal error: InvalidOperationException: handshake state is broken"),
            CliErrors.Describe(wrapped));
    }

    [Fact]
    public void SingleExceptionInsideAnAggregateIsMappedByItself()
    {
        var aggregate = new AggregateException(new TimeoutException("The operation has timed out."));

        Assert.Equal(new CliFailure(ExitCode.Timeout, "netscope: timed out"), CliErrors.Describe(aggregate));
    }

    [Fact]
    public void AuthenticationFailureIsATlsHandshakeFailure()
    {
        var failure = new AuthenticationException("Authentication failed, see inner exception.");

        Assert.Equal(
            new CliFailure(ExitCode.TlsHandshakeFailed,
                "netscope: tls 127.0.0.1:443: TLS handshake failed: authentication failed, see inner exception"),
            CliErrors.Describe(CliErrors.Fail("tls 127.0.0.1:443", failure)));
    }

    [Fact]
    public void CancellationIsAnInterruption()
    {
        Assert.Equal(
            new CliFailure(ExitCode.Interrupted, "netscope: interrupted"),
            CliErrors.Describe(new OperationCanceledException()));
    }

    [Fact]
    public void UnknownExceptionIsAnInternalErrorNamingItsType()
    {
        Assert.Equal(
            new CliFailure(ExitCode.Error, "netscope: internal error: InvalidOperationException: queue is broken"),
            CliErrors.Describe(new InvalidOperationException("Queue is\nbroken.")));
    }

    [Fact]
    public void UsageFailureKeepsItsMessage()
    {
        Assert.Equal(
            new CliFailure(ExitCode.Usage, "netscope: bad address 'localhost:x': the port is not a number"),
            CliErrors.Describe(CliErrors.Usage("bad address 'localhost:x': the port is not a number")));
    }

    [Theory]
    [InlineData("Could not find file '/tmp/x'.", "could not find file '/tmp/x'")]
    [InlineData("TLS alert received.", "TLS alert received")]
    [InlineData("  two\r\n lines  ", "two lines")]
    [InlineData("A", "A")]
    public void OneLineNormalizesLibraryMessages(string message, string expected)
    {
        Assert.Equal(expected, CliErrors.OneLine(message));
    }

    [Fact]
    public void OneLineNeverLeavesLineBreaksOrRunsOfSpaces()
    {
        Gen.String.Sample(message =>
        {
            string line = CliErrors.OneLine(message);
            return !line.Contains('\n') && !line.Contains('\r') && !line.Contains("  ", StringComparison.Ordinal)
                && line == line.Trim();
        });
    }
}
