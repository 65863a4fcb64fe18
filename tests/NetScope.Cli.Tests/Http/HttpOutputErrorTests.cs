using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Http;

/// <summary>Where <c>netscope http</c> cannot write the body: exit code 11 and a strerror-style line.</summary>
public sealed class HttpOutputErrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netscope-http-output-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AReaderThatClosesThePipeEndsTheTransferWithExitCode11()
    {
        var body = new byte[4 * 1024 * 1024];
        new Random(5).NextBytes(body);
        await File.WriteAllBytesAsync(Path.Combine(_root, "big.bin"), body);
        await using var listener = await RunningListener.StartAsync("http", "--root", _root, "-q");

        // bash reports netscope's own exit status (PIPESTATUS), then head's byte count arrives on stdout.
        await using var shell = ChildProcess.Start(
            "/bin/bash",
            "-c",
            "\"$0\" http \"$1\" | head -c 10 | wc -c; echo \"status ${PIPESTATUS[0]}\"",
            NetScopeBinary.Path,
            $"http://127.0.0.1:{listener.Port}/big.bin");
        var exitCode = await shell.ExitAsync();

        Assert.Equal((0, "10\nstatus 11\n"), (exitCode, shell.Stdout.Text));
        Assert.Equal("netscope: write stdout: broken pipe\n", shell.Stderr.Text);
    }

    [Fact]
    public async Task ABodyWrittenThroughAPipeArrivesWhole()
    {
        var body = new byte[1024 * 1024];
        new Random(6).NextBytes(body);
        await File.WriteAllBytesAsync(Path.Combine(_root, "one.bin"), body);
        await using var listener = await RunningListener.StartAsync("http", "--root", _root, "-q");

        await using var shell = ChildProcess.Start(
            "/bin/bash",
            "-c",
            "\"$0\" http -i \"$1\" | cat",
            NetScopeBinary.Path,
            $"http://127.0.0.1:{listener.Port}/one.bin");
        var exitCode = await shell.ExitAsync();

        var output = shell.Stdout.Bytes;
        Assert.Equal(0, exitCode);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", System.Text.Encoding.Latin1.GetString(output, 0, 17), StringComparison.Ordinal);
        Assert.Equal(body, output[^body.Length..]);
    }

    [Theory]
    [InlineData("", "is a directory")]
    [InlineData("missing/x.txt", "no such file or directory")]
    public async Task AnOutputFileThatCannotBeCreatedIsNamedWithTheSystemsReason(string relative, string reason)
    {
        await File.WriteAllTextAsync(Path.Combine(_root, "a.txt"), "a");
        await using var listener = await RunningListener.StartAsync("http", "--root", _root, "-q");
        var path = Path.Combine(_root, relative);

        var run = await CliRun.NetScopeAsync("http", $"http://127.0.0.1:{listener.Port}/a.txt", "-o", path);

        Assert.Equal((11, "", $"netscope: -o {path}: {reason}\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }
}
