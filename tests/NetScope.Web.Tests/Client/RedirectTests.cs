using System.Text;
using NetScope.Web.Client;
using NetScope.Web.Http;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Following redirects with <see cref="RedirectAgent"/>: the method and body rules, credentials, limits.</summary>
public sealed class RedirectTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    [Theory]
    [InlineData(301, "POST", "GET", false)]
    [InlineData(302, "POST", "GET", false)]
    [InlineData(301, "PUT", "PUT", true)]
    [InlineData(302, "DELETE", "DELETE", true)]
    [InlineData(303, "POST", "GET", false)]
    [InlineData(303, "PUT", "GET", false)]
    [InlineData(307, "POST", "POST", true)]
    [InlineData(308, "PUT", "PUT", true)]
    public void TheMethodAndBodyFollowTheStatusRules(int status, string method, string nextMethod, bool keepsBody)
    {
        var harness = new ClientHarness();
        var agent = new RedirectAgent(harness.Agent);
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "text/plain");
        var response = agent.Request(method, "http://example.test/old", headers, HttpRequestBody.FromBytes("data"u8.ToArray()));
        var server = harness.Accept(0);
        server.TakeWritten();

        server.Send($"HTTP/1.1 {status} Moved\r\nLocation: /new\r\nContent-Length: 3\r\n\r\nbye");

        var next = server.TakeWritten();
        Assert.StartsWith($"{nextMethod} /new HTTP/1.1\r\n", next);
        Assert.Equal(keepsBody, next.EndsWith("\r\nContent-Length: 4\r\n\r\ndata", StringComparison.Ordinal));
        Assert.Equal(keepsBody, next.Contains("Content-Type: text/plain", StringComparison.Ordinal));
        server.Send(Ok);
        Assert.Equal(status, Result(response).PreviousResponse!.StatusCode);
    }

    [Fact]
    public void A303ToAHeadStaysAHead()
    {
        var harness = new ClientHarness();
        var response = new RedirectAgent(harness.Agent).Request("HEAD", "http://example.test/");
        var server = harness.Accept(0);
        server.TakeWritten();

        server.Send("HTTP/1.1 303 See Other\r\nLocation: /other\r\nContent-Length: 0\r\n\r\n");

        Assert.StartsWith("HEAD /other HTTP/1.1\r\n", server.TakeWritten());
        Assert.False(response.Called);
    }

    [Fact]
    public void ARedirectToAnotherOriginDropsCredentialsAndUsesANewConnection()
    {
        var harness = new ClientHarness();
        var headers = new HttpHeaders();
        headers.Add("Authorization", "Bearer secret");
        headers.Add("Cookie", "session=1");
        headers.Add("X-Keep", "yes");
        var response = new RedirectAgent(harness.Agent).Request("GET", "http://example.test/", headers);
        var first = harness.Accept(0);
        first.Send("HTTP/1.1 302 Found\r\nLocation: http://other.test:8080/landing\r\nContent-Length: 0\r\n\r\n");

        var second = harness.Accept(1);

        Assert.Equal(("other.test", 8080), (second.Host, second.Port));
        Assert.Equal($"GET /landing HTTP/1.1\r\nHost: other.test:8080\r\nUser-Agent: {HttpAgentOptions.DefaultUserAgent}\r\nAccept: */*\r\nX-Keep: yes\r\n\r\n", second.TakeWritten());
        second.Send(Ok);
        Assert.Equal("http://other.test:8080/landing", Result(response).Url.ToString());
    }

    [Fact]
    public void ARedirectOnTheSameOriginKeepsCredentialsAndTheConnection()
    {
        var harness = new ClientHarness();
        var headers = new HttpHeaders();
        headers.Add("Authorization", "Bearer secret");
        new RedirectAgent(harness.Agent).Request("GET", "http://example.test/a/b", headers);
        var server = harness.Accept(0);
        server.TakeWritten();

        server.Send("HTTP/1.1 301 Moved\r\nLocation: ../c?d=1\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(1, harness.Attempts);
        var next = server.TakeWritten();
        Assert.StartsWith("GET /c?d=1 HTTP/1.1\r\n", next);
        Assert.Contains("\r\nAuthorization: Bearer secret\r\n", next);
    }

    [Fact]
    public void TheChainIsLinkedThroughPreviousResponse()
    {
        var harness = new ClientHarness();
        var response = new RedirectAgent(harness.Agent).Request("GET", "http://example.test/1");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 301 Moved\r\nLocation: /2\r\nContent-Length: 0\r\n\r\n");
        server.Send("HTTP/1.1 302 Found\r\nLocation: /3\r\nContent-Length: 0\r\n\r\n");
        server.Send(Ok);

        var final = Result(response);

        Assert.Equal(
            ["http://example.test/3 200", "http://example.test/2 302", "http://example.test/1 301"],
            Chain(final).Select(r => $"{r.Url} {r.StatusCode}"));
    }

    [Fact]
    public void GoingPastTheLimitFailsWithTooManyRedirects()
    {
        var harness = new ClientHarness();
        var response = new RedirectAgent(harness.Agent, maxRedirects: 2).Request("GET", "http://example.test/loop");
        var server = harness.Accept(0);
        for (var i = 0; i < 3; i++)
        {
            server.Send("HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n");
        }

        var error = Failure<TooManyRedirectsException>(response);
        Assert.Equal("too many redirects: more than 2 (the last one to /loop)", error.Message);
        Assert.Equal(3, Chain(error.Response!).Count());
    }

    [Fact]
    public void A307WithABodyThatCannotBeSentAgainEndsTheChain()
    {
        var harness = new ClientHarness();
        var producer = new FileBodyProducer(harness.Reactor, new NonSeekableStream("abc"));
        var response = new RedirectAgent(harness.Agent).Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);
        harness.Reactor.Advance(0);

        server.Send("HTTP/1.1 307 Temporary Redirect\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(307, Result(response).StatusCode);
    }

    [Theory]
    [InlineData("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 302 Found\r\nLocation: ftp://example.test/file\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 300 Multiple Choices\r\nLocation: /a\r\nContent-Length: 0\r\n\r\n")]
    public void WithoutAUsableLocationTheRedirectIsTheAnswer(string answer)
    {
        var harness = new ClientHarness();
        var response = new RedirectAgent(harness.Agent).Request("GET", "http://example.test/");

        harness.Accept(0).Send(answer);

        Assert.True(response.Called);
        Assert.Equal(1, harness.Attempts);
    }

    [Fact]
    public void ALongRedirectBodyIsAbandonedWithItsConnection()
    {
        var harness = new ClientHarness();
        new RedirectAgent(harness.Agent).Request("GET", "http://example.test/");
        var server = harness.Accept(0);

        server.Send("HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 1000000\r\n\r\n" + new string('x', 70_000));

        Assert.True(server.Transport.Aborted);
        Assert.Equal(2, harness.Attempts);
    }

    private static IEnumerable<HttpResponse> Chain(HttpResponse response)
    {
        for (var current = response; current is not null; current = current.PreviousResponse)
        {
            yield return current;
        }
    }

    /// <summary>A stream of known bytes that cannot seek, so a body made from it has no known length.</summary>
    private sealed class NonSeekableStream(string text) : MemoryStream(Encoding.ASCII.GetBytes(text))
    {
        public override bool CanSeek => false;
    }
}
