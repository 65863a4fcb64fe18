using System.IO.Compression;
using System.Text;

namespace NetScope.Cli.Tests.Http;

/// <summary><c>netscope http</c> against a loopback server, one option at a time.</summary>
public sealed class HttpCommandTests
{
    private static readonly string UserAgent = Web.Client.HttpAgentOptions.DefaultUserAgent;

    [Fact]
    public async Task AGetWritesTheBodyOnStdoutAndNothingElse()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "Hello, world!\n"));

        var run = await Run("http", server.Url("/greeting?x=1"));

        Assert.Equal((0, "Hello, world!\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/greeting?x=1", "HTTP/1.1"), (request.Method, request.Target, request.Version));
        Assert.Equal([("Host", $"127.0.0.1:{server.Port}"), ("User-Agent", UserAgent), ("Accept", "*/*")], request.Headers);
    }

    [Fact]
    public async Task AUrlWithoutSchemeIsTakenAsHttp()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "ok"));

        var run = await Run("http", $"127.0.0.1:{server.Port}/plain");

        Assert.Equal((0, "ok"), (run.ExitCode, run.Stdout));
        Assert.Equal("/plain", Assert.Single(server.Requests).Target);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PURGE")]
    public async Task TheMethodComesBeforeTheUrl(string method)
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, ""));

        var run = await Run("http", method, server.Url());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(method, Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task HeadersAreAddedReplacedAndDropped()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, ""));

        var run = await Run("http", server.Url(), "-H", "X-One: 1", "-H", "Accept: text/html", "-H", "User-Agent:", "-H", "X-Empty;", "-H", "X-Two:  two words ");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            [("Host", $"127.0.0.1:{server.Port}"), ("X-One", "1"), ("Accept", "text/html"), ("X-Empty", ""), ("X-Two", "two words")],
            Assert.Single(server.Requests).Headers);
    }

    [Fact]
    public async Task DataIsPostedAsAForm()
    {
        using var server = new ScriptedHttpServer(request => Reply.Text(201, request.BodyText.ToUpperInvariant()));

        var run = await Run("http", server.Url("/form"), "-d", "name=netscope&v=1");

        Assert.Equal((0, "NAME=NETSCOPE&V=1"), (run.ExitCode, run.Stdout));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "application/x-www-form-urlencoded", "17"), (request.Method, request.Header("Content-Type"), request.Header("Content-Length")));
    }

    [Fact]
    public async Task DataFromAFileIsStreamedWithItsLength()
    {
        var path = Path.GetTempFileName();
        try
        {
            var content = Enumerable.Range(0, 500_000).Select(i => (byte)(i % 251)).ToArray();
            await File.WriteAllBytesAsync(path, content);
            using var server = new ScriptedHttpServer(request => Reply.Text(200, request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));

            var run = await Run("http", "PUT", server.Url("/upload"), "-d", "@" + path, "-H", "Content-Type: application/octet-stream");

            Assert.Equal((0, "500000"), (run.ExitCode, run.Stdout));
            var request = Assert.Single(server.Requests);
            Assert.Equal(content, request.Body);
            Assert.Equal("application/octet-stream", request.Header("Content-Type"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DataFromStdinIsReadWhole()
    {
        using var server = new ScriptedHttpServer(request => Reply.Text(200, request.BodyText));

        var run = await CliRun.WithVerbsAsync(
            [() => Commands.HttpCommand.Create(() => new MemoryStream("from stdin"u8.ToArray()))],
            debug: false,
            CancellationToken.None,
            "http",
            server.Url(),
            "-d",
            "@-").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((0, "from stdin"), (run.ExitCode, run.Stdout));
        Assert.Equal("10", Assert.Single(server.Requests).Header("Content-Length"));
    }

    [Fact]
    public async Task JsonSetsTheContentTypeAndAccept()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "{}", ("Content-Type", "application/json")));

        var run = await Run("http", server.Url("/api"), "--json", "{\"a\":1}");

        Assert.Equal((0, "{}"), (run.ExitCode, run.Stdout));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "{\"a\":1}", "application/json", "application/json"), (request.Method, request.BodyText, request.Header("Content-Type"), request.Header("Accept")));
    }

    [Fact]
    public async Task IncludeWritesTheHeadBeforeTheBody()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "body", ("X-Server", "scripted")));

        var run = await Run("http", server.Url(), "-i");

        Assert.Equal((0, "HTTP/1.1 200 OK\r\nX-Server: scripted\r\nContent-Length: 4\r\n\r\nbody"), (run.ExitCode, run.Stdout));
    }

    [Fact]
    public async Task VerboseShowsTheConnectionAndBothHeadsOnStderr()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "body"));

        var run = await Run("http", server.Url("/v"), "-v");

        Assert.Equal((0, "body"), (run.ExitCode, run.Stdout));
        Assert.Equal(
            [
                $"* connected to 127.0.0.1:{server.Port}",
                "> GET /v HTTP/1.1",
                $"> Host: 127.0.0.1:{server.Port}",
                $"> User-Agent: {UserAgent}",
                "> Accept: */*",
                ">",
                "< HTTP/1.1 200 OK",
                "< Content-Length: 4",
                "<",
            ],
            run.StderrLines);
    }

    [Fact]
    public async Task OutputWritesTheBodyToAFileExactly()
    {
        var body = new byte[3_000_000];
        new Random(11).NextBytes(body);
        using var server = new ScriptedHttpServer(_ => Reply.Binary(200, body));
        var path = Path.Combine(Path.GetTempPath(), $"netscope-http-{Guid.NewGuid():N}.bin");
        try
        {
            var run = await Run("http", server.Url(), "-o", path);

            Assert.Equal((0, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
            Assert.Equal(body, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LocationFollowsRedirectsOnTheSameConnection()
    {
        using var server = new ScriptedHttpServer(request => request.Target switch
        {
            "/start" => Reply.Redirect(301, "/middle"),
            "/middle" => Reply.Redirect(302, $"http://127.0.0.1:{request.Header("Host")!.Split(':')[1]}/end"),
            _ => Reply.Text(200, $"reached {request.Target}"),
        });

        var run = await Run("http", server.Url("/start"), "-L");

        Assert.Equal((0, "reached /end", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(["/start", "/middle", "/end"], server.Requests.Select(r => r.Target));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task WithoutLocationTheRedirectIsTheAnswer()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Redirect(302, "/elsewhere"));

        var run = await Run("http", server.Url("/start"), "-i");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n", run.Stdout);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task IncludeWithLocationWritesEveryHead()
    {
        using var server = new ScriptedHttpServer(request => request.Target == "/a" ? Reply.Redirect(307, "/b") : Reply.Text(200, "b"));

        var run = await Run("http", server.Url("/a"), "-L", "-i");

        Assert.Equal(
            "HTTP/1.1 307 Temporary Redirect\r\nLocation: /b\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb",
            run.Stdout);
    }

    [Fact]
    public async Task MaxRedirsStopsAChainWithExitCode32()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Redirect(302, "/loop"));

        var run = await Run("http", server.Url("/loop"), "-L", "--max-redirs", "2");

        Assert.Equal((32, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url("/loop")}: too many redirects: more than 2 (the last one to /loop)"], run.StderrLines);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task CompressedAsksForGzipAndWritesTheDecodedBody()
    {
        var text = string.Concat(Enumerable.Repeat("compress me please. ", 500));
        using var server = new ScriptedHttpServer(request =>
        {
            var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(Encoding.UTF8.GetBytes(text));
            }

            return request.Header("Accept-Encoding") == "gzip, deflate" ? Reply.Binary(200, output.ToArray(), ("Content-Encoding", "gzip")) : Reply.Text(400, "no gzip");
        });

        var run = await Run("http", server.Url(), "--compressed", "-i");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n", run.Stdout);
        Assert.EndsWith("\r\n\r\n" + text, run.Stdout);
    }

    [Fact]
    public async Task FailExitsWith30AndWritesNothingOnStdout()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(404, "no such thing"));

        var run = await Run("http", server.Url("/missing"), "--fail", "-i");

        Assert.Equal((30, ""), (run.ExitCode, run.Stdout));
        Assert.Equal([$"netscope: GET {server.Url("/missing")}: 404 Not Found"], run.StderrLines);
    }

    [Fact]
    public async Task WithoutFailAnErrorStatusIsStillSuccess()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(500, "oops"));

        var run = await Run("http", server.Url());

        Assert.Equal((0, "oops"), (run.ExitCode, run.Stdout));
    }

    [Fact]
    public async Task AProxyGetsPlainRequestsInAbsoluteForm()
    {
        using var proxy = new ScriptedHttpServer(request => Reply.Text(200, $"proxied {request.Target}"));

        var run = await Run("http", "http://example.test/page", "--proxy", $"127.0.0.1:{proxy.Port}");

        Assert.Equal((0, "proxied http://example.test/page"), (run.ExitCode, run.Stdout));
        Assert.Equal("example.test", Assert.Single(proxy.Requests).Header("Host"));
    }

    [Fact]
    public async Task ProxyTunnelSendsConnectThenTheRequest()
    {
        using var proxy = new ScriptedHttpServer(request => request.Method == "CONNECT"
            ? new Reply.Raw("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray())
            : Reply.Text(200, $"tunnelled {request.Target}"));

        var run = await Run("http", "http://example.test:8080/page", "--proxy", proxy.Url(), "--proxytunnel");

        Assert.Equal((0, "tunnelled /page"), (run.ExitCode, run.Stdout));
        Assert.Equal([("CONNECT", "example.test:8080"), ("GET", "/page")], proxy.Requests.Select(r => (r.Method, r.Target)));
    }

    [Fact]
    public async Task Http10SendsAnHttp10Request()
    {
        using var server = new ScriptedHttpServer(_ => Reply.Text(200, "old"));

        var run = await Run("http", server.Url(), "--http1.0");

        Assert.Equal((0, "old"), (run.ExitCode, run.Stdout));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("HTTP/1.0", "keep-alive"), (request.Version, request.Header("Connection")));
    }

    internal static Task<CliRun> Run(params string[] args) => CliRun.NetScopeAsync(args).WaitAsync(TimeSpan.FromSeconds(60));
}
