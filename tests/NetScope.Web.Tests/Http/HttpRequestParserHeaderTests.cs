using NetScope.Web.Http;
using static NetScope.Web.Tests.Http.Support.Feeder;

namespace NetScope.Web.Tests.Http;

public sealed class HttpRequestParserHeaderTests
{
    [Fact]
    public void HeadersKeepOrderAndOriginalCaseAndAreLookedUpCaseInsensitively()
    {
        var head = Assert.Single(ParseRequests(
            "GET / HTTP/1.1\r\nhost: x\r\nX-Multi: a\r\nACCEPT: text/html\r\nx-multi: b, c\r\n\r\n").Heads);

        Assert.Equal(
            [new HttpHeader("host", "x"), new HttpHeader("X-Multi", "a"), new HttpHeader("ACCEPT", "text/html"), new HttpHeader("x-multi", "b, c")],
            head.Headers);
        Assert.Equal("text/html", head.Headers.Get("Accept"));
        Assert.Equal(["a", "b, c"], head.Headers.GetAll("X-MULTI"));
        Assert.Equal(["a", "b", "c"], head.Headers.GetTokens("x-multi"));
    }

    [Fact]
    public void ValuesLoseSurroundingWhitespaceAndKeepInnerWhitespaceAndObsText()
    {
        var head = Assert.Single(ParseRequests("GET / HTTP/1.1\r\nHost: x\r\nX-A: \t a \t b \t\r\nX-B:\r\nX-C: caf\u00E9\r\n\r\n").Heads);

        Assert.Equal(["a \t b", string.Empty, "café"], head.Headers.Skip(1).Select(h => h.Value));
    }

    [Theory]
    [InlineData("X-A : 1", "WhitespaceBeforeColon")]
    [InlineData("X-A\t: 1", "WhitespaceBeforeColon")]
    [InlineData(" X-A: 1", "ObsoleteLineFolding")]
    [InlineData("X-A: 1\r\n continued", "ObsoleteLineFolding")]
    [InlineData("X-A: 1\r\n\tcontinued", "ObsoleteLineFolding")]
    [InlineData("Bad Name: 1", "InvalidHeaderName")]
    [InlineData("X(A): 1", "InvalidHeaderName")]
    [InlineData(": 1", "InvalidHeaderName")]
    [InlineData("X-\u00E9: 1", "InvalidHeaderName")]
    [InlineData("NoColon", "InvalidHeaderLine")]
    [InlineData("X-A: a\u0000b", "InvalidHeaderValue")]
    [InlineData("X-A: a\u0001b", "InvalidHeaderValue")]
    [InlineData("X-A: a\u007Fb", "InvalidHeaderValue")]
    [InlineData("X-A: a\u001Bb", "InvalidHeaderValue")]
    public void InvalidFieldLinesAreBadRequests(string line, string kind)
    {
        Assert.Equal([$"error {kind} 400"], ParseRequests($"GET / HTTP/1.1\r\nHost: x\r\n{line}\r\n\r\n").Events);
    }

    [Fact]
    public void AFieldLineRightAfterTheRequestLineThatStartsWithWhitespaceIsRefused()
    {
        Assert.Equal(["error ObsoleteLineFolding 400"], ParseRequests("GET / HTTP/1.1\r\n Host: x\r\n\r\n").Events);
    }

    [Fact]
    public void Http11RequestWithoutHostIsABadRequest()
    {
        Assert.Equal(["error MissingHost 400"], ParseRequests("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n").Events);
    }

    [Fact]
    public void Http10RequestWithoutHostIsAcceptedWithNoHost()
    {
        Assert.Null(Assert.Single(ParseRequests("GET / HTTP/1.0\r\n\r\n").Heads).Host);
    }

    [Theory]
    [InlineData("HTTP/1.1")]
    [InlineData("HTTP/1.0")]
    public void TwoHostLinesAreABadRequest(string version)
    {
        Assert.Equal(["error MultipleHost 400"], ParseRequests($"GET / {version}\r\nHost: a\r\nhost: a\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("example.com:8080", "example.com:8080")]
    [InlineData("[::1]:80", "[::1]:80")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("", "")]
    [InlineData("xn--bcher-kva.example:", "xn--bcher-kva.example:")]
    public void ValidHostValuesAreReported(string value, string host)
    {
        Assert.Equal(host, Assert.Single(ParseRequests($"GET / HTTP/1.1\r\nHost: {value}\r\n\r\n").Heads).Host);
    }

    [Theory]
    [InlineData("exa mple.com")]
    [InlineData("user@example.com")]
    [InlineData("example.com:99999")]
    [InlineData("example.com:80a")]
    [InlineData("[::1")]
    [InlineData("[not-ipv6]:80")]
    [InlineData("example.com/path")]
    [InlineData("[fe80::1%25eth0]")]
    public void InvalidHostValuesAreBadRequests(string value)
    {
        Assert.Equal(["error InvalidHost 400"], ParseRequests($"GET / HTTP/1.1\r\nHost: {value}\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("HTTP/1.1", "", true)]
    [InlineData("HTTP/1.1", "Connection: close\r\n", false)]
    [InlineData("HTTP/1.1", "Connection: Upgrade, CLOSE\r\n", false)]
    [InlineData("HTTP/1.1", "Connection: keep-alive\r\n", true)]
    [InlineData("HTTP/1.0", "", false)]
    [InlineData("HTTP/1.0", "Connection: Keep-Alive\r\n", true)]
    [InlineData("HTTP/1.0", "Connection: keep-alive\r\nConnection: close\r\n", false)]
    public void KeepAliveFollowsVersionAndConnectionTokens(string version, string headers, bool keepAlive)
    {
        var head = Assert.Single(ParseRequests($"GET / {version}\r\nHost: x\r\n{headers}\r\n").Heads);

        Assert.Equal(keepAlive, head.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1", "Expect: 100-continue\r\n", true)]
    [InlineData("HTTP/1.1", "Expect: 100-Continue\r\n", true)]
    [InlineData("HTTP/1.1", "", false)]
    [InlineData("HTTP/1.1", "Expect: something-else\r\n", false)]
    [InlineData("HTTP/1.0", "Expect: 100-continue\r\n", false)]
    public void ExpectContinueIsReportedForHttp11Only(string version, string headers, bool expect)
    {
        var head = Assert.Single(ParseRequests($"POST / {version}\r\nHost: x\r\n{headers}Content-Length: 1\r\n\r\nz").Heads);

        Assert.Equal(expect, head.ExpectContinue);
    }

    [Fact]
    public void RequestLineLongerThanTheLimitIsAnsweredWith414()
    {
        var options = new HttpParserOptions { MaxStartLineLength = 32 };
        var fits = "GET /" + new string('a', 16) + " HTTP/1.1\r\n"; // 32 bytes with its CRLF
        var tooLong = "GET /" + new string('a', 17) + " HTTP/1.1\r\n";

        Assert.Equal("complete", ParseRequests(fits + "Host: x\r\n\r\n", options).Events[^1]);
        Assert.Equal(["error RequestLineTooLong 414"], ParseRequests(tooLong + "Host: x\r\n\r\n", options).Events);
        Assert.Equal(["error RequestLineTooLong 414"], ParseRequests("GET /" + new string('a', 40), options).Events);
    }

    [Fact]
    public void HeaderSectionLargerThanTheLimitIsAnsweredWith431()
    {
        var options = new HttpParserOptions { MaxHeaderSectionLength = 40 };
        var fits = "Host: x\r\nX-Fill: " + new string('f', 19) + "\r\n\r\n"; // 40 bytes
        var tooLarge = "Host: x\r\nX-Fill: " + new string('f', 20) + "\r\n\r\n";

        Assert.Equal("complete", ParseRequests("GET / HTTP/1.1\r\n" + fits, options).Events[^1]);
        Assert.Equal(["error HeaderSectionTooLarge 431"], ParseRequests("GET / HTTP/1.1\r\n" + tooLarge, options).Events);
        Assert.Equal(["error HeaderSectionTooLarge 431"], ParseRequests("GET / HTTP/1.1\r\nHost: x\r\nX: " + new string('y', 60), options).Events);
    }

    [Fact]
    public void MoreHeadersThanTheLimitAreAnsweredWith431()
    {
        var options = new HttpParserOptions { MaxHeaderCount = 3 };

        Assert.Equal(3, Assert.Single(ParseRequests("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n", options).Heads).Headers.Count);
        Assert.Equal(["error TooManyHeaders 431"], ParseRequests("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", options).Events);
    }

    [Fact]
    public void PathAndSegmentsAreDecodedWithEncodedSlashesKeptInsideTheirSegment()
    {
        var head = Assert.Single(ParseRequests("GET /files/a%20b/%2e%2e/c%2Fd/?x=%20 HTTP/1.1\r\nHost: x\r\n\r\n").Heads);

        Assert.Equal("/files/a%20b/%2e%2e/c%2Fd/", head.RawPath);
        Assert.Equal("/files/a b/../c/d/", head.Path);
        Assert.Equal(["files", "a b", "..", "c/d", string.Empty], head.PathSegments);
        Assert.Equal("x=%20", head.Query);
    }
}
