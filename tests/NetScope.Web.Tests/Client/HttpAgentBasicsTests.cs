using System.Text;
using NetScope.Web.Client;
using NetScope.Web.Http;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>One request and its response, in memory: the head on the wire, the response object, the body.</summary>
public sealed class HttpAgentBasicsTests
{
    private static readonly string UserAgent = HttpAgentOptions.DefaultUserAgent;

    [Fact]
    public void AGetWritesTheHeadWithHostUserAgentAndAcceptAndNothingElse()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test:8080/a/b?c=d#frag");
        Assert.Equal(("example.test", 8080), (harness.Reactor.TcpClients[0].Host, harness.Reactor.TcpClients[0].Port));

        var server = harness.Accept(0);

        Assert.Equal(
            $"GET /a/b?c=d HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: {UserAgent}\r\nAccept: */*\r\n\r\n",
            server.TakeWritten());
        Assert.False(response.Called);
    }

    [Fact]
    public void TheResponseArrivesWithItsHeadAndItsBodyIsReadInFull()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        server.Send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, world!");

        var result = Result(response);
        Assert.Equal((HttpProtocolVersion.Http11, 200, "OK", 13L), (result.Version, result.StatusCode, result.ReasonPhrase, result.ContentLength));
        Assert.Equal("HTTP/1.1 200 OK", result.StatusLine);
        Assert.Equal("text/plain", result.Headers.Get("content-type"));
        Assert.Equal(("GET", "http://example.test/", "/"), (result.Method, result.Url.ToString(), result.Request.Target));
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString(Result(result.ReadBody())));
    }

    [Fact]
    public void CallerHeadersReplaceTheDefaultsAndAnEmptyOneRemovesThem()
    {
        var harness = new ClientHarness();
        var headers = new HttpHeaders();
        headers.Add("Accept", "application/json");
        headers.Add("User-Agent", "");
        headers.Add("X-Trace", "1");
        headers.Add("X-Trace", "2");
        headers.Add("Content-Length", "999");
        Get(harness.Agent, "http://[::1]:81/", headers);

        Assert.Equal(
            "GET / HTTP/1.1\r\nHost: [::1]:81\r\nAccept: application/json\r\nX-Trace: 1\r\nX-Trace: 2\r\n\r\n",
            harness.Accept(0).TakeWritten());
    }

    [Fact]
    public void CredentialsInTheUrlAreSentAsBasicAuthorization()
    {
        var harness = new ClientHarness();
        Get(harness.Agent, "http://alice:s%3Acret@example.test/");

        Assert.Contains("\r\nAuthorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s:cret")) + "\r\n", harness.Accept(0).TakeWritten());
    }

    [Fact]
    public void AChunkedResponseIsDecodedAndItsTrailersKept()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        server.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n8;ext=1\r\n, world!\r\n0\r\nX-Checksum: abc\r\n\r\n");

        var result = Result(response);
        Assert.Equal(-1, result.ContentLength);
        Assert.Equal("Hello, world!", Encoding.ASCII.GetString(Result(result.ReadBody())));
        Assert.Equal("abc", result.Trailers!.Get("X-Checksum"));
    }

    [Fact]
    public void ABodyThatRunsUntilCloseEndsWhenTheServerCloses()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst part, ");
        var body = Result(response).ReadBody();
        server.Send("second part");
        Assert.False(body.Called);

        server.Close();

        Assert.Equal("first part, second part", Encoding.ASCII.GetString(Result(body)));
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Theory]
    [InlineData("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")]
    [InlineData("GET", "HTTP/1.1 204 No Content\r\nContent-Length: 1000\r\n\r\n")]
    [InlineData("GET", "HTTP/1.1 304 Not Modified\r\nContent-Length: 1000\r\n\r\n")]
    public void ResponsesWithoutABodyAreCompleteAtTheirHeadAndKeepTheConnection(string method, string answer)
    {
        var harness = new ClientHarness();
        var response = harness.Agent.Request(method, "http://example.test/");
        var server = harness.Accept(0);

        server.Send(answer);

        var result = Result(response);
        Assert.Equal(0, result.ContentLength);
        Assert.Empty(Result(result.ReadBody()));
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void InterimResponsesAreSkippedAndShownToTheObserver()
    {
        var harness = new ClientHarness();
        var observer = new RecordingObserver();
        var response = Get(harness.Agent, "http://example.test/", options: new HttpExchangeOptions { Observer = observer });
        var server = harness.Accept(0);

        server.Send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        Assert.Equal(200, Result(response).StatusCode);
        Assert.Equal(
            ["head received HTTP/1.1 100 Continue", "head received HTTP/1.1 103 Early Hints", "head received HTTP/1.1 200 OK"],
            observer.Events.Where(e => e.StartsWith("head received", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheObserverHearsTheWholeExchangeInOrder()
    {
        var harness = new ClientHarness();
        var observer = new RecordingObserver();
        var response = harness.Agent.Request("POST", "http://example.test/form", body: HttpRequestBody.FromBytes("a=1"u8.ToArray()), options: new HttpExchangeOptions { Observer = observer });
        var server = harness.Accept(0);
        harness.Reactor.Advance(0.5);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
        harness.Reactor.Advance(0.25);
        server.Send("ok");
        Result(Result(response).ReadBody());

        Assert.Equal(
            [
                "connection reused=False",
                "head sent POST /form HTTP/1.1",
                "body sent a=1",
                "phase RequestSent 0",
                "phase FirstByte 0.5",
                "received 38",
                "phase Headers 0.5",
                "head received HTTP/1.1 200 OK",
                "received 2",
                "phase Done 0.75",
                "finished",
            ],
            observer.Events);
        Assert.Equal((0.0, 0.5, 0.5, 0.75), (Result(response).Timings.RequestSent, Result(response).Timings.FirstByte, Result(response).Timings.Headers, Result(response).Timings.Done));
    }

    [Fact]
    public void InvalidMethodsAndConnectAreRefusedAtOnce()
    {
        var harness = new ClientHarness();

        Assert.Throws<ArgumentException>(() => harness.Agent.Request("GE T", "http://example.test/"));
        Assert.Throws<ArgumentException>(() => harness.Agent.Request("CONNECT", "http://example.test/"));
        Assert.Throws<FormatException>(() => harness.Agent.Request("GET", "ftp://example.test/"));
        Assert.Equal(0, harness.Attempts);
    }

    [Fact]
    public void AHostThatDoesNotResolveFailsWithTheConnectError()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://nowhere.test/");

        harness.Reactor.TcpClients[0].Connector.Fail(new Core.Errors.HostNotFoundException("connect nowhere.test:80: host not found"));
        harness.Reactor.Advance(0);

        Assert.Equal("connect nowhere.test:80: host not found", Failure<Core.Errors.HostNotFoundException>(response).Message);
    }
}
