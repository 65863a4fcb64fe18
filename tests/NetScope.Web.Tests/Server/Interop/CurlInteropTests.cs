using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server.Interop;

[Trait("Category", "Interop")]
public sealed class CurlInteropTests : IDisposable
{
    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task CurlReusesTheConnectionForTwoRequests()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var (exitCode, stdout, stderr) = await Curl("-v", $"{server.Url}/files/hello.txt", $"{server.Url}/fast");

        Assert.Equal(0, exitCode);
        Assert.Equal("Hello, world!\nfast", stdout);
        Assert.Contains("Re-using existing connection", stderr, StringComparison.Ordinal);
        Assert.Single(server.Log.Select(entry => entry.Client).Distinct());
    }

    [Fact]
    public async Task CurlHeadGetsTheHeadersOnly()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var (exitCode, stdout, _) = await Curl("-I", $"{server.Url}/files/hello.txt");

        Assert.Equal(0, exitCode);
        var lines = stdout.Split("\r\n");
        Assert.Equal("HTTP/1.1 200 OK", lines[0]);
        Assert.Contains("Content-Length: 14", lines);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", lines);
        Assert.EndsWith("\r\n\r\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0-4", "Hello")]
    [InlineData("7-", "world!\n")]
    [InlineData("-6", "orld!\n")]
    public async Task CurlGetsByteRanges(string range, string expected)
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var (exitCode, stdout, _) = await Curl("-r", range, "-w", "|%{http_code}", $"{server.Url}/files/hello.txt");

        Assert.Equal(0, exitCode);
        Assert.Equal($"{expected}|206", stdout);
    }

    [Theory]
    [InlineData("/files/../secret.txt")]
    [InlineData("/files/%2e%2e/secret.txt")]
    [InlineData("/files/%2e%2e%2fsecret.txt")]
    [InlineData("/files/..%2f..%2fsecret.txt")]
    [InlineData("/files//secret.txt")]
    [InlineData("/files/%00")]
    [InlineData("/files/link-outside")]
    [InlineData("/files/dir-outside/secret.txt")]
    [InlineData("/files/docs/sneaky/secret.txt")]
    public async Task CurlCannotReachOutsideTheRoot(string path)
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var (exitCode, stdout, _) = await Curl("--path-as-is", "-w", "|%{http_code}", server.Url + path);

        Assert.Equal(0, exitCode);
        Assert.EndsWith("|404", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CurlSendsAChunkedBodyAndReadsAChunkedAnswer()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var upload = await Curl("-H", "Transfer-Encoding: chunked", "--data-binary", "hello chunked", $"{server.Url}/echo");
        var stream = await Curl("-i", $"{server.Url}/stream");

        Assert.Contains("\nTransfer-Encoding: chunked\n", upload.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n\nBody: 13 bytes\nhello chunked", upload.Stdout, StringComparison.Ordinal);
        Assert.Contains("Transfer-Encoding: chunked\r\n", stream.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nchunk one, chunk two", stream.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CurlWaitsForContinueBeforeSendingItsBody()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));
        var payload = new string('p', 100_000);

        var (exitCode, stdout, stderr) = await Curl("-v", "-H", "Expect: 100-continue", "--data-binary", "@-", $"{server.Url}/echo", stdin: payload);

        Assert.Equal(0, exitCode);
        Assert.Contains("< HTTP/1.1 100 Continue", stderr, StringComparison.Ordinal);
        Assert.EndsWith($"Body: 100000 bytes\n{payload}", stdout, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Curl(params string[] arguments) =>
        ExternalProcess.RunAsync("curl", ["-sS", "--max-time", "10", .. arguments]);

    private static Task<(int ExitCode, string Stdout, string Stderr)> Curl(string a, string b, string c, string d, string e, string f, string stdin) =>
        ExternalProcess.RunAsync("curl", ["-sS", "--max-time", "10", a, b, c, d, e, f], stdin);
}
