using NetScope.Web.Http;
using static NetScope.Web.Tests.Http.Support.Feeder;

namespace NetScope.Web.Tests.Http;

public sealed class HttpRequestParserRequestLineTests
{
    [Fact]
    public void OriginFormRequestIsReportedWithPathQueryAndDerivedFacts()
    {
        var run = ParseRequests("GET /docs/index.html?lang=en&x=1 HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n\r\n");

        Assert.Equal(
            [
                "head GET /docs/index.html?lang=en&x=1 HTTP/1.1 form=Origin path=/docs/index.html query=lang=en&x=1 host=example.com"
                + " keep-alive=True expect=False framing=None length=-1 [Host: example.com] [User-Agent: test]",
                "complete",
            ],
            run.Events);
        Assert.Same(HttpMethods.Get, run.Heads[0].Method);
        Assert.Null(run.Heads[0].Scheme);
    }

    [Fact]
    public void AbsoluteFormTakesHostAndPathFromTheTargetAndIgnoresTheHostHeader()
    {
        var run = ParseRequests("GET http://example.com:8080/p/q?x=1 HTTP/1.1\r\nHost: other.example\r\n\r\n");

        var head = Assert.Single(run.Heads);
        Assert.Equal(HttpRequestTargetForm.Absolute, head.TargetForm);
        Assert.Equal("http", head.Scheme);
        Assert.Equal("example.com:8080", head.Host);
        Assert.Equal("/p/q", head.RawPath);
        Assert.Equal("x=1", head.Query);
        Assert.Equal("other.example", head.Headers.Get("Host"));
    }

    [Theory]
    [InlineData("HTTP://Example.com", "http", "Example.com", "/", "")]
    [InlineData("https://[::1]:8443?q", "https", "[::1]:8443", "/", "q")]
    [InlineData("http://a.example/", "http", "a.example", "/", "")]
    public void AbsoluteFormWithoutPathHasRootPath(string target, string scheme, string host, string path, string query)
    {
        var head = Assert.Single(ParseRequests($"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").Heads);

        Assert.Equal((scheme, host, path, query), (head.Scheme, head.Host, head.RawPath, head.Query));
    }

    [Theory]
    [InlineData("http://user@example.com/")]
    [InlineData("http:///path")]
    [InlineData("http:/example.com/")]
    [InlineData("1http://example.com/")]
    [InlineData("http://exa%mple.com/")]
    [InlineData("http://example.com:port/")]
    [InlineData("example.com/path")]
    public void MalformedAbsoluteFormIsRefused(string target)
    {
        var run = ParseRequests($"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(["error InvalidRequestTarget 400"], run.Events);
    }

    [Theory]
    [InlineData("example.com:443", "example.com:443")]
    [InlineData("[2001:db8::1]:8443", "[2001:db8::1]:8443")]
    [InlineData("127.0.0.1:22", "127.0.0.1:22")]
    public void ConnectUsesAuthorityForm(string target, string host)
    {
        var head = Assert.Single(ParseRequests($"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n").Heads);

        Assert.Equal(HttpRequestTargetForm.Authority, head.TargetForm);
        Assert.Equal(host, head.Host);
        Assert.Equal(string.Empty, head.RawPath);
        Assert.Same(HttpMethods.Connect, head.Method);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("example.com:")]
    [InlineData("/path")]
    [InlineData(":443")]
    [InlineData("http://example.com:443/")]
    public void ConnectWithoutHostAndPortIsRefused(string target)
    {
        Assert.Equal(["error InvalidRequestTarget 400"], ParseRequests($"CONNECT {target} HTTP/1.1\r\nHost: x\r\n\r\n").Events);
    }

    [Fact]
    public void AsteriskFormIsAcceptedForOptionsOnly()
    {
        var head = Assert.Single(ParseRequests("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").Heads);
        Assert.Equal(HttpRequestTargetForm.Asterisk, head.TargetForm);
        Assert.Equal("*", head.RawPath);

        Assert.Equal(["error InvalidRequestTarget 400"], ParseRequests("GET * HTTP/1.1\r\nHost: x\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("HTTP/1.1", HttpProtocolVersion.Http11, true)]
    [InlineData("HTTP/1.0", HttpProtocolVersion.Http10, false)]
    public void BothHttp1VersionsAreAccepted(string versionText, HttpProtocolVersion version, bool keepAlive)
    {
        var head = Assert.Single(ParseRequests($"GET / {versionText}\r\nHost: x\r\n\r\n").Heads);

        Assert.Equal((version, keepAlive), (head.Version, head.KeepAlive));
    }

    [Theory]
    [InlineData("HTTP/1.2")]
    [InlineData("HTTP/1.9")]
    public void AHigherHttp1MinorVersionIsReadAsHttp11(string versionText)
    {
        var head = Assert.Single(ParseRequests($"GET / {versionText}\r\nHost: x\r\n\r\n").Heads);

        Assert.Equal((HttpProtocolVersion.Http11, true), (head.Version, head.KeepAlive));
    }

    [Theory]
    [InlineData("HTTP/2.0")]
    [InlineData("HTTP/0.9")]
    [InlineData("HTTP/3.0")]
    public void OtherWellFormedVersionsAreAnsweredWith505(string version)
    {
        Assert.Equal(["error UnsupportedVersion 505"], ParseRequests($"GET / {version}\r\nHost: x\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("GET / HTTP/1.10")]
    [InlineData("GET / http/1.1")]
    [InlineData("GET / HTTP/1")]
    [InlineData("GET / HTTP/1.1 ")]
    [InlineData("GET / HTTP/a.1")]
    [InlineData("GET / HTTP/1.1 extra")]
    public void MalformedVersionsAreBadRequests(string requestLine)
    {
        Assert.Equal(["error InvalidVersion 400"], ParseRequests($"{requestLine}\r\nHost: x\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("GET /")]
    [InlineData("GET  / HTTP/1.1")]
    [InlineData(" GET / HTTP/1.1")]
    [InlineData("GET\t/\tHTTP/1.1")]
    [InlineData("GET")]
    public void RequestLinesThatAreNotThreePartsSeparatedBySingleSpacesAreRefused(string requestLine)
    {
        Assert.Equal(["error InvalidRequestLine 400"], ParseRequests($"{requestLine}\r\nHost: x\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("GE(T")]
    [InlineData("G@T")]
    [InlineData("GET\u0001")]
    [InlineData("G\u00C9T")]
    public void MethodsWithNonTokenCharactersAreRefused(string method)
    {
        Assert.Equal(["error InvalidMethod 400"], ParseRequests($"{method} / HTTP/1.1\r\nHost: x\r\n\r\n").Events);
    }

    [Fact]
    public void KnownMethodsAreInternedAndOtherTokensAreKeptCaseSensitively()
    {
        var run = ParseRequests(
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\nPROPFIND / HTTP/1.1\r\nHost: x\r\n\r\nget / HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Same(HttpMethods.Post, run.Heads[0].Method);
        Assert.Equal(["POST", "PROPFIND", "get"], run.Heads.Select(h => h.Method));
        Assert.Equal([true, false, false], run.Heads.Select(h => HttpMethods.IsKnown(h.Method)));
    }

    [Theory]
    [InlineData("/a b")]
    [InlineData("/a#fragment")]
    [InlineData("/caf\u00E9")]
    [InlineData("/a\u007F")]
    [InlineData("/a\u0000")]
    [InlineData("/a\rb")]
    public void TargetsWithForbiddenBytesAreRefused(string target)
    {
        var events = ParseRequests($"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").Events;

        // A space splits the line into four parts, which makes the version malformed instead.
        Assert.Equal([target.Contains(' ') ? "error InvalidVersion 400" : "error InvalidRequestTarget 400"], events);
    }

    [Fact]
    public void EmptyLinesBeforeTheRequestLineAreIgnored()
    {
        var run = ParseRequests("\r\n\r\n\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal("GET / HTTP/1.1", Assert.Single(run.Heads).ToString());
    }

    [Fact]
    public void BareLineFeedsInTheHeadAreAcceptedByDefaultAndParseLikeCrLf()
    {
        var withLf = ParseRequests("GET /a HTTP/1.1\nHost: x\nAccept: */*\n\n");
        var withCrLf = ParseRequests("GET /a HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n");

        Assert.Equal(withCrLf.Events, withLf.Events);
    }

    [Theory]
    [InlineData("GET /a HTTP/1.1\nHost: x\r\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nHost: x\n\r\n")]
    [InlineData("GET /a HTTP/1.1\r\nHost: x\r\n\n")]
    [InlineData("\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n")]
    public void BareLineFeedsAreRefusedWhenTheOptionIsOff(string request)
    {
        var strict = new HttpParserOptions { AllowBareLineFeed = false };

        Assert.Equal(["error BareLineFeed 400"], ParseRequests(request, strict).Events);
    }

    [Theory]
    [InlineData("GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r2\r\n\r\n", "error InvalidHeaderValue 400")]
    [InlineData("GET /a\r HTTP/1.1\r\nHost: x\r\n\r\n", "error InvalidRequestTarget 400")]
    [InlineData("GET /a HTTP/1.1\r\nHost: x\r\nX-A\r: 1\r\n\r\n", "error InvalidHeaderName 400")]
    public void BareCarriageReturnsAreAlwaysRefused(string request, string expected)
    {
        Assert.Equal([expected], ParseRequests(request).Events);
    }

    [Fact]
    public void RepeatedRequestsOnOneConnectionReuseTheirStrings()
    {
        var run = ParseRequests("GET /same?q HTTP/1.1\r\nHost: h\r\nX-Custom: v\r\n\r\nGET /same?q HTTP/1.1\r\nHost: h\r\nX-Custom: v\r\n\r\n");

        var (first, second) = (run.Heads[0], run.Heads[1]);
        Assert.Same(first.Target, second.Target);
        Assert.Same(first.RawPath, second.RawPath);
        Assert.Same(first.Query, second.Query);
        Assert.Same(HttpHeaderNames.Host, first.Headers[0].Name);
        Assert.Same(first.Headers[1].Name, second.Headers[1].Name);
        Assert.Same(first.Headers[1].Value, second.Headers[1].Value);
        Assert.NotSame(first.Headers, second.Headers);
    }
}
