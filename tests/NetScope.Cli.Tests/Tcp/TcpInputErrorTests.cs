using System.Runtime.Versioning;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// Bad input to <c>tcp</c>, <c>tls</c> and <c>listen</c> gets one line in our words: files fail the way
/// strerror(3) says it (exit 11), empty names and malformed numbers are usage errors (exit 2), and what the
/// user typed is echoed with its control characters escaped so the failure stays on one line.
/// </summary>
public sealed class TcpInputErrorTests
{
    [Fact]
    public async Task AnEmptySendFileNameIsAUsageError()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--send-file", "");

        Assert.Equal((2, "", "netscope: --send-file '': expected a file name\nTry 'netscope tcp --help' for more information.\n"), run.Outcome());
    }

    [Fact]
    public async Task AnEmptyListenerCertificateNameIsAUsageError()
    {
        var run = await CliRun.NetScopeAsync("listen", "echo", "--tls", "--cert", "");

        Assert.Equal((2, "netscope: --cert '': expected a file name"), (run.ExitCode, run.StderrLines[0]));
        Assert.Equal(2, run.StderrLines.Count);
    }

    [Fact]
    public async Task ASendFileInAMissingDirectoryHasNoSuchFileOrDirectory()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--send-file", "/nonexistent-dir/body.bin");

        Assert.Equal((11, "", "netscope: --send-file /nonexistent-dir/body.bin: no such file or directory\n"), run.Outcome());
    }

    [Fact]
    public async Task ASendFileThatIsADirectoryIsADirectory()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--send-file", "/tmp");

        Assert.Equal((11, "", "netscope: --send-file /tmp: is a directory\n"), run.Outcome());
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    [UnsupportedOSPlatform("windows")]
    public async Task ASendFileTheUserMayNotReadIsPermissionDenied()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-private-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "secret\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            // Root reads any file: as root, run netscope as nobody (what setpriv is for).
            string[] command = ["tcp", "127.0.0.1:9", "--send-file", path];
            await using var netscope = Environment.UserName == "root"
                ? ChildProcess.Start("/usr/bin/setpriv", ["--reuid", "65534", "--regid", "65534", "--clear-groups", Support.NetScopeBinary.Path, .. command])
                : ChildProcess.NetScope(command);

            Assert.Equal((11, "", $"netscope: --send-file {path}: permission denied\n"), (await netscope.ExitAsync(), netscope.Stdout.Text, netscope.Stderr.Text));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnUnwritableKeyLogExitsElevenWithOneLine()
    {
        var run = await CliRun.NetScopeAsync("tls", "127.0.0.1:9", "--keylog", "/nonexistent-dir/keys.log");

        Assert.Equal((11, "", "netscope: --keylog /nonexistent-dir/keys.log: no such file or directory\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("tcp", "--timeout", "abc", "expected a number of seconds")]
    [InlineData("tls", "--linger", "1s", "expected a number of seconds")]
    public async Task AMalformedNumberNamesTheOptionInOurWords(string verb, string option, string value, string expected)
    {
        var run = await CliRun.NetScopeAsync(verb, "127.0.0.1:9", option, value);

        Assert.Equal(
            (2, "", $"netscope: {option} '{value}': {expected}\nTry 'netscope {verb} --help' for more information.\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("--port", "99999999999", "--port 99999999999: out of range (0-65535)")]
    [InlineData("--port", "http", "--port 'http': expected a port number (0-65535)")]
    [InlineData("--max-conns", "many", "--max-conns 'many': expected a whole number")]
    [InlineData("--idle-timeout", "soon", "--idle-timeout 'soon': expected a number of seconds")]
    public async Task AMalformedListenNumberNamesTheOptionInOurWords(string option, string value, string message)
    {
        var run = await CliRun.NetScopeAsync("listen", "echo", option, value);

        Assert.Equal(
            (2, "", $"netscope: {message}\nTry 'netscope listen echo --help' for more information.\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task AControlCharacterInTheTargetIsEscapedSoTheFailureStaysOneLine()
    {
        var run = await TcpRun.RunAsync("a\nb:80x");

        Assert.Equal(
            (2, "", "netscope: bad address 'a\\nb:80x': '80x' is not a port number\nTry 'netscope tcp --help' for more information.\n"),
            run.Outcome());
    }
}
