using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NetScope.Cli.Tests.Support;
using NetScope.Core.Errors;

namespace NetScope.Cli.Tests.Listen;

/// <summary>How <c>netscope listen</c> fails: exit code and one line, nothing on stdout.</summary>
public sealed class ListenFailureTests
{
    [Fact]
    public async Task APortInUseExitsNine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRun.NetScopeAsync("listen", "echo", "--port", port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal((9, "", $"netscope: cannot listen on 127.0.0.1:{port}: address already in use\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("localhost", "netscope: --host 'localhost': not an IP address to bind (use 0.0.0.0 or :: for all interfaces)")]
    [InlineData("127.0.0.300", "netscope: --host '127.0.0.300': not an IP address to bind (use 0.0.0.0 or :: for all interfaces)")]
    [InlineData("", "netscope: --host '': not an IP address to bind (use 0.0.0.0 or :: for all interfaces)")]
    public async Task ABadHostIsAUsageError(string host, string message)
    {
        var run = await CliRun.NetScopeAsync("listen", "chargen", "--host", host);

        Assert.Equal((2, "", $"{message}\nTry 'netscope listen chargen --help' for more information.\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task AnAddressNotOnThisMachineIsAUsageErrorNamingIt()
    {
        // TEST-NET-1 (RFC 5737) is never assigned to a local interface.
        var run = await CliRun.NetScopeAsync("listen", "echo", "--host", "192.0.2.1");

        Assert.Equal(
            (2, "", "netscope: cannot listen on 192.0.2.1:0: address not available on this host\nTry 'netscope listen echo --help' for more information.\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("65536", "netscope: --port 65536: out of range (0-65535)")]
    [InlineData("-1", "netscope: --port -1: out of range (0-65535)")]
    public async Task APortOutOfRangeIsAUsageError(string port, string message)
    {
        var run = await CliRun.NetScopeAsync("listen", "echo", "--port", port);

        Assert.Equal((2, "", $"{message}\nTry 'netscope listen echo --help' for more information.\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task APortThatIsNotANumberIsAUsageError()
    {
        var run = await CliRun.NetScopeAsync("listen", "echo", "--port", "echo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Try 'netscope listen echo --help' for more information.", run.StderrLines[^1]);
        Assert.Equal("netscope: --port 'echo': expected a port number (0-65535)", run.StderrLines[0]);
    }

    [Fact]
    public void APermissionDeniedBindMapsToExitCodeTenWithItsReason()
    {
        var failure = CliErrors.Describe(new CannotListenException("127.0.0.1:80", SocketError.AccessDenied, "permission denied (ports below 1024 need privileges)"));

        Assert.Equal(new CliFailure(ExitCode.PermissionDenied, "netscope: cannot listen on 127.0.0.1:80: permission denied (ports below 1024 need privileges)"), failure);
    }

    /// <summary>
    /// The real thing, through the binary: a privileged port without the right to bind it. As
    /// root the test drops CAP_NET_BIND_SERVICE for the child with setpriv (from its bounding and
    /// inheritable sets, so the exec cannot regain it) and stays root otherwise, so the binary and
    /// dotnet stay readable; as another user the child lacks the capability already.
    /// </summary>
    [Fact]
    public async Task APrivilegedPortWithoutTheRightToBindItExitsTen()
    {
        var firstUnprivileged = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_unprivileged_port_start").Trim(), CultureInfo.InvariantCulture);
        Assert.True(firstUnprivileged > 1, $"this kernel lets anyone bind any port (net.ipv4.ip_unprivileged_port_start = {firstUnprivileged})");

        // The capability check comes before the in-use check, so any privileged port will do.
        var port = (firstUnprivileged - 1).ToString(CultureInfo.InvariantCulture);
        await using var child = HasCapability(NetBindService)
            ? ChildProcess.Start("setpriv", "--inh-caps=-net_bind_service", "--bounding-set=-net_bind_service", "--", NetScopeBinary.Path, "listen", "echo", "--port", port)
            : ChildProcess.NetScope("listen", "echo", "--port", port);
        var exit = await child.ExitAsync();

        Assert.Equal((10, "", $"netscope: cannot listen on 127.0.0.1:{port}: permission denied (ports below 1024 need privileges)\n"), (exit, child.Stdout.Text, child.Stderr.Text));
    }

    private const int NetBindService = 10;

    private static bool HasCapability(int capability)
    {
        var effective = File.ReadLines("/proc/self/status").Single(line => line.StartsWith("CapEff:", StringComparison.Ordinal));
        var mask = ulong.Parse(effective["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << capability)) != 0;
    }
}
