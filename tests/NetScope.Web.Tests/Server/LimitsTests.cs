using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

/// <summary>Every limit and malformation gets its status, then the connection closes.</summary>
public sealed class LimitsTests
{
    private static readonly SiteOptions SmallLimits = new()
    {
        ParserOptions = new HttpParserOptions
        {
            MaxStartLineLength = 64,
            MaxHeaderSectionLength = 256,
            MaxHeaderCount = 5,
            MaxBodyLength = 100,
        },
    };

    public static TheoryData<string, string, int> Refusals => new()
    {
        { "request line too long", $"GET /{new string('a', 100)} HTTP/1.1\r\nHost: h\r\n\r\n", 414 },
        { "header section too large", $"GET / HTTP/1.1\r\nHost: h\r\nX-Big: {new string('b', 300)}\r\n\r\n", 431 },
        { "too many headers", "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n", 431 },
        { "Content-Length too large", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n", 413 },
        { "chunked body too large", $"POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n{new string('c', 101)}\r\n0\r\n\r\n", 413 },
        { "Content-Length with Transfer-Encoding", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400 },
        { "conflicting Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400 },
        { "invalid header name", "GET / HTTP/1.1\r\nHost: h\r\nBad Name: x\r\n\r\n", 400 },
        { "control character in a value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u0001b\r\n\r\n", 400 },
        { "whitespace before the colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400 },
        { "obsolete line folding", "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n", 400 },
        { "missing Host", "GET / HTTP/1.1\r\n\r\n", 400 },
        { "two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400 },
        { "malformed request line", "GET /\r\n\r\n", 400 },
        { "malformed chunk size", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400 },
        { "unknown transfer coding", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501 },
        { "unsupported version", "GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505 },
        { "malformed version", "GET / HTTP/1.x\r\nHost: h\r\n\r\n", 400 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void AMalformedOrOversizedRequestGetsItsStatusThenTheConnectionCloses(string what, string request, int status)
    {
        var resource = new BodyResource();
        var harness = new ServerHarness(resource, SmallLimits);
        var connection = harness.Connect();

        connection.Send(request + "GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        var parsed = connection.Parse(request.StartsWith("HEAD", StringComparison.Ordinal) ? HttpMethods.Head : HttpMethods.Get);
        Assert.Null(parsed.Error);
        var response = Assert.Single(parsed.Responses);
        Assert.True(status == response.Status, $"{what}: expected {status}, got {response.Status}");
        Assert.Equal("close", response.Header("Connection"));
        Assert.StartsWith($"{status} {HttpReasonPhrases.Get(status)}: ", response.BodyText, StringComparison.Ordinal);
        Assert.True(connection.Transport.WriteClosed, what);
        Assert.Empty(resource.Requests);
        Assert.Equal(status, Assert.Single(harness.Log).StatusCode);
    }

    [Fact]
    public void HeadersThatArriveTooSlowlyGet408()
    {
        var harness = new ServerHarness(new TextResource("x"), new SiteOptions { HeaderTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\n");
        harness.Advance(5);
        connection.Send("Host: h\r\n");
        harness.Advance(4);
        Assert.Equal(string.Empty, connection.Output);
        harness.Advance(1.5);

        var response = connection.Single();
        Assert.Equal((408, "close"), (response.Status, response.Header("Connection")));
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AConnectionThatNeverSendsAnythingGets408()
    {
        var harness = new ServerHarness(new TextResource("x"), new SiteOptions { HeaderTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();

        harness.Advance(10.5);

        Assert.Equal(408, connection.Single().Status);
        Assert.Equal(408, Assert.Single(harness.Log).StatusCode);
        Assert.Null(harness.Log[0].Method);
    }

    [Fact]
    public void TheHeadTimeoutStartsWithTheFirstByteOfTheNextRequest()
    {
        var options = new SiteOptions { HeaderTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(60) };
        var harness = new ServerHarness(new TextResource("x"), options);
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        harness.Advance(30);

        connection.Send("GET / HT");
        harness.Advance(10.5);

        Assert.Equal([200, 408], connection.Responses().Select(r => r.Status));
    }

    [Fact]
    public void ABodyThatStopsArrivingGets408()
    {
        var resource = new BodyResource();
        var harness = new ServerHarness(resource, new SiteOptions { IdleTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nabc");
        harness.Advance(8);
        connection.Send("def");
        harness.Advance(8);
        Assert.Equal(string.Empty, connection.Output);
        harness.Advance(2.5);

        Assert.Equal(408, connection.Single().Status);
        Assert.Empty(resource.Requests);
    }

    [Fact]
    public void NoTimeoutRunsWhileTheServerIsAnswering()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource, new SiteOptions { HeaderTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        harness.Advance(100);
        resource.Answer("late");

        Assert.Equal("late", connection.Single().BodyText);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void AfterTheLingerTheConnectionIsClosedForGood()
    {
        var harness = new ServerHarness(new TextResource("x"), new SiteOptions { LingerTimeout = TimeSpan.FromSeconds(3) });
        var connection = harness.Connect();
        connection.Send("GET / HTTP/9.9\r\nHost: h\r\n\r\n");
        Assert.True(connection.Transport.WriteClosed);

        connection.Send(new string('z', 5000));
        harness.Advance(2.5);
        Assert.False(connection.Transport.Disconnecting);
        harness.Advance(1);

        Assert.True(connection.Transport.Disconnecting);
        Assert.Equal(505, connection.Single().Status);
    }

    [Fact]
    public void WithoutLingerTheConnectionClosesAtOnce()
    {
        var harness = new ServerHarness(new TextResource("x"), new SiteOptions { LingerTimeout = TimeSpan.Zero });
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

        Assert.True(connection.Transport.Disconnecting);
        Assert.False(connection.Transport.WriteClosed);
    }
}
