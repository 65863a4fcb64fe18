using System.Text;
using System.Text.Json;
using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Server.Listeners;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class ListenerTests
{
    [Fact]
    public void TheEchoListenerAnswersWithTheRequestAsText()
    {
        var harness = new ServerHarness(HttpListeners.CreateResource(new HttpListenerOptions { Mode = HttpListenerMode.Echo }));

        var response = harness.Connect().Send("PUT /a%20b?q=1 HTTP/1.1\r\nHost: h\r\nX-Test: yes\r\nContent-Length: 5\r\n\r\nhello").Single();

        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("PUT /a%20b?q=1 HTTP/1.1\nHost: h\nX-Test: yes\nContent-Length: 5\n\nBody: 5 bytes\nhello", response.BodyText);
    }

    [Fact]
    public void TheEchoListenerAnswersInJsonWhenTheClientAcceptsIt()
    {
        var harness = new ServerHarness(new EchoResource());

        var response = harness.Connect().Send(
            "POST /p?x=1&x=2 HTTP/1.1\r\nHost: h\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n").Single();

        Assert.Equal("application/json", response.Header("Content-Type"));
        using var json = JsonDocument.Parse(response.Body);
        var root = json.RootElement;
        Assert.Equal("127.0.0.1:40000", root.GetProperty("client").GetString());
        Assert.Equal(("POST", "/p?x=1&x=2", "HTTP/1.1", "/p"), (root.GetProperty("method").GetString(), root.GetProperty("target").GetString(), root.GetProperty("version").GetString(), root.GetProperty("path").GetString()));
        Assert.Equal(["1", "2"], root.GetProperty("query").GetProperty("x").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(
            [["Host", "h"], ["Accept", "application/json"], ["Transfer-Encoding", "chunked"]],
            root.GetProperty("headers").EnumerateArray().Select(pair => pair.EnumerateArray().Select(v => v.GetString()!).ToArray()));
        Assert.Equal([["X-T", "1"]], root.GetProperty("trailers").EnumerateArray().Select(pair => pair.EnumerateArray().Select(v => v.GetString()!).ToArray()));
        Assert.Equal((3, "abc", "utf-8"), (root.GetProperty("bodySize").GetInt32(), root.GetProperty("body").GetString(), root.GetProperty("bodyEncoding").GetString()));
    }

    [Fact]
    public void ABinaryBodyIsEchoedInBase64()
    {
        var harness = new ServerHarness(new EchoResource());
        var request = Encoding.Latin1.GetBytes("POST / HTTP/1.1\r\nHost: h\r\nAccept: */*, application/json\r\nContent-Length: 3\r\n\r\n").Concat(new byte[] { 0xFF, 0x00, 0xFE }).ToArray();

        var response = harness.Connect().Send(request).Single();

        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(("/wD+", "base64"), (json.RootElement.GetProperty("body").GetString(), json.RootElement.GetProperty("bodyEncoding").GetString()));
    }

    [Fact]
    public void TheEchoListenerEchoesMethodsHttpDoesNotDefine()
    {
        var harness = new ServerHarness(new EchoResource());

        var response = harness.Connect().Send("BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal(200, response.Status);
        Assert.StartsWith("BREW /pot HTTP/1.1\n", response.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("text/html", false)]
    [InlineData("*/*", false)]
    [InlineData("application/json", true)]
    [InlineData("text/html, application/json;q=0.5", true)]
    [InlineData("application/json;q=0", false)]
    [InlineData("application/problem+json", true)]
    [InlineData("APPLICATION/JSON", true)]
    public void JsonIsChosenOnlyWhenTheClientAcceptsIt(string? accept, bool json) => Assert.Equal(json, EchoResource.AcceptsJson(accept));

    [Fact]
    public void TheStatusListenerGivesEveryRequestTheSameAnswer()
    {
        var options = new HttpListenerOptions
        {
            Mode = HttpListenerMode.Status,
            StatusCode = 418,
            Body = HttpListeners.ParseBody("short and stout"),
            Headers = [HttpListeners.ParseHeader("X-Kind: teapot"), HttpListeners.ParseHeader("Content-Type:text/x-tea")],
        };
        var harness = new ServerHarness(HttpListeners.CreateResource(options));
        var connection = harness.Connect();

        connection.Send("GET /anything HTTP/1.1\r\nHost: h\r\n\r\nPOST /else HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhiHEAD / HTTP/1.1\r\nHost: h\r\n\r\n");

        var expected = $"HTTP/1.1 418 I'm a teapot\r\nDate: {harness.Date}\r\nServer: NetScope\r\nX-Kind: teapot\r\nContent-Type: text/x-tea\r\nContent-Length: 15\r\n\r\n";
        Assert.Equal(expected + "short and stout" + expected + "short and stout" + expected, connection.Output);
    }

    [Fact]
    public void TheStatusListenerReadsItsBodyFromAFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "from a file");
            var harness = new ServerHarness(HttpListeners.CreateResource(new HttpListenerOptions { Mode = HttpListenerMode.Status, Body = HttpListeners.ParseBody("@" + file) }));

            var response = harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").Single();

            Assert.Equal(("from a file", "text/plain; charset=utf-8"), (response.BodyText, response.Header("Content-Type")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ABodyOnABodilessStatusIsRefusedWhenTheSiteIsBuilt()
    {
        var options = new HttpListenerOptions { Mode = HttpListenerMode.Status, StatusCode = 204, Body = "x"u8.ToArray() };

        Assert.Throws<ArgumentException>(() => HttpListeners.CreateResource(options));
    }

    [Fact]
    public void AConnectionCloseHeaderClosesAfterEachFixedAnswer()
    {
        var options = new HttpListenerOptions { Mode = HttpListenerMode.Status, Headers = [new HttpHeader("Connection", "close")] };
        var harness = new ServerHarness(HttpListeners.CreateResource(options));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal("close", connection.Single().Header("Connection"));
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void TheDelayListenerAnswersAfterTheDelay()
    {
        var options = new HttpListenerOptions { Mode = HttpListenerMode.Status, Body = "late"u8.ToArray(), Delay = TimeSpan.FromSeconds(2) };
        var harness = new ServerHarness(HttpListeners.CreateResource(options));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        harness.Advance(1.5);
        Assert.Equal(string.Empty, connection.Output);
        harness.Advance(0.5);

        Assert.Equal("late", connection.Single().BodyText);
    }

    [Fact]
    public void ADelayIsCancelledWhenTheClientLeaves()
    {
        var options = new HttpListenerOptions { Mode = HttpListenerMode.Echo, Delay = TimeSpan.FromSeconds(2) };
        var harness = new ServerHarness(HttpListeners.CreateResource(options));
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        connection.Lose();

        Assert.Empty(harness.Clock.GetDelayedCalls());
    }

    [Fact]
    public void DripSendsTheHeadAtOnceAndTheBodyAtTheRate()
    {
        var site = HttpListeners.CreateSite(
            new HttpListenerOptions { Mode = HttpListenerMode.Status, Body = Encoding.ASCII.GetBytes(new string('d', 25)), DripBytesPerSecond = 10 },
            new NetScope.Testing.Clock(),
            null);
        var harness = new ServerHarness(site.Root, site.Options);
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var head = connection.Output;
        Assert.EndsWith("\r\n\r\n", head, StringComparison.Ordinal);

        harness.Advance(1.01, step: 0.05);
        Assert.InRange(connection.Output.Length - head.Length, 9, 11);
        harness.Advance(2, step: 0.05);

        Assert.Equal(new string('d', 25), connection.Single().BodyText);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void CloseAfterCutsTheResponseAfterExactlyThatManyBytes()
    {
        var options = new SiteOptions { CloseAfterBytes = 50 };
        var harness = new ServerHarness(FixedResource.Text(new string('x', 100)), options);
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(50, connection.Transport.Written.Length);
        Assert.True(connection.Transport.Disconnecting);
        Assert.True(connection.Parse().Incomplete);
        Assert.False(Assert.Single(harness.Log).Completed);
    }

    [Fact]
    public void CloseAfterStopsAFileMidway()
    {
        using var tree = new StaticTree();
        tree.WriteLargeFile("big.bin", 500_000);
        var harness = new ServerHarness(new NetScope.Web.Server.Static.StaticFile(tree.Root), new SiteOptions { CloseAfterBytes = 100_000 });
        var connection = harness.Connect();

        connection.Send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(100_000, connection.Transport.Written.Length);
        Assert.True(connection.Transport.Disconnecting);
        Assert.Null(connection.Transport.Producer);
    }

    [Fact]
    public void DripPacesAFileWithoutBufferingIt()
    {
        using var tree = new StaticTree();
        var data = tree.WriteLargeFile("big.bin", 200_000);
        var harness = new ServerHarness(new NetScope.Web.Server.Static.StaticFile(tree.Root), new SiteOptions { DripBytesPerSecond = 100_000 });
        var connection = harness.Connect();

        connection.Send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
        harness.Advance(1, step: 0.05);
        var afterOneSecond = connection.Transport.Written.Length;
        harness.Advance(2, step: 0.05);

        Assert.InRange(afterOneSecond, 90_000, 120_000);
        Assert.Equal(data, connection.Single().Body);
    }

    [Fact]
    public void TheDirectoryListenerServesItsRoot()
    {
        using var tree = new StaticTree();
        var harness = new ServerHarness(HttpListeners.CreateResource(new HttpListenerOptions { RootDirectory = tree.Root }));

        Assert.Equal("Hello, world!\n", harness.Connect().Send("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n").Single().BodyText);
    }

    [Theory]
    [InlineData("X-A: b", "X-A", "b")]
    [InlineData("X-A:b  ", "X-A", "b")]
    [InlineData("Content-Type: text/plain; charset=utf-8", "Content-Type", "text/plain; charset=utf-8")]
    [InlineData("X-Empty:", "X-Empty", "")]
    public void HeaderArgumentsParse(string text, string name, string value) =>
        Assert.Equal(new HttpHeader(name, value), HttpListeners.ParseHeader(text));

    [Theory]
    [InlineData("no colon")]
    [InlineData(": value")]
    [InlineData("Bad Name: v")]
    [InlineData("X: a\u0001b")]
    public void BadHeaderArgumentsAreRefused(string text) => Assert.Throws<FormatException>(() => HttpListeners.ParseHeader(text));

    [Theory]
    [InlineData("2", 2000)]
    [InlineData("1.5", 1500)]
    [InlineData("250ms", 250)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60000)]
    [InlineData("0", 0)]
    public void DurationArgumentsParse(string text, int milliseconds) => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), HttpListeners.ParseDuration(text));

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("soon")]
    [InlineData("1h")]
    public void BadDurationsAreRefused(string text) => Assert.Throws<FormatException>(() => HttpListeners.ParseDuration(text));

    [Theory]
    [InlineData("100", 100L)]
    [InlineData("10k", 10240L)]
    [InlineData("10K", 10240L)]
    [InlineData("1M", 1048576L)]
    [InlineData("1MB/s", 1048576L)]
    [InlineData("2G", 2147483648L)]
    [InlineData("512B", 512L)]
    public void ByteCountsParse(string text, long bytes) => Assert.Equal(bytes, HttpListeners.ParseByteCount(text));

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1.5k")]
    [InlineData("ten")]
    [InlineData("99999999999999999G")]
    public void BadByteCountsAreRefused(string text) => Assert.Throws<FormatException>(() => HttpListeners.ParseByteCount(text));
}
