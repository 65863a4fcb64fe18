using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;
using static NetScope.Web.Tests.Http.Support.Feeder;

namespace NetScope.Web.Tests.Http;

public sealed class HttpResponseParserTests
{
    [Fact]
    public void ContentLengthResponseIsReportedWithItsBody()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, world!");

        Assert.Equal(
            [
                "head HTTP/1.1 200 OK keep-alive=True framing=ContentLength length=13 [Content-Type: text/plain] [Content-Length: 13]",
                "body Hello, world!",
                "complete",
            ],
            run.Events);
        Assert.Same(HttpReasonPhrases.Get(200), run.Heads[0].ReasonPhrase);
    }

    [Theory]
    [InlineData("HTTP/1.1 200\r\n", 200, "")]
    [InlineData("HTTP/1.1 200 \r\n", 200, "")]
    [InlineData("HTTP/1.1 404 Nothing here, sorry\r\n", 404, "Nothing here, sorry")]
    [InlineData("HTTP/1.0 599 Custom\tPhrase\r\n", 599, "Custom\tPhrase")]
    [InlineData("HTTP/1.1 999 Far Out\r\n", 999, "Far Out")]
    [InlineData("HTTP/1.1 200 D\u00E9j\u00E0 vu\r\n", 200, "Déjà vu")]
    public void StatusLinesWithAnyReasonPhraseAreAccepted(string statusLine, int status, string reason)
    {
        var head = Assert.Single(ParseResponses(statusLine + "Content-Length: 0\r\n\r\n").Heads);

        Assert.Equal((status, reason), (head.StatusCode, head.ReasonPhrase));
    }

    [Theory]
    [InlineData("HTTP/1.1 20 OK", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1 2000 OK", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1 099 Low", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1  200 OK", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1 2x0 OK", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1 200 O\u0001K", "InvalidStatusLine 502")]
    [InlineData("ICY 200 OK", "InvalidStatusLine 502")]
    [InlineData("HTTP/2 200", "InvalidStatusLine 502")]
    [InlineData("HTTP/1.1", "InvalidStatusLine 502")]
    [InlineData("HTTP/2.0 200 OK", "UnsupportedVersion 505")]
    [InlineData("HTTP/0.9 200 OK", "UnsupportedVersion 505")]
    public void MalformedStatusLinesAreReported(string statusLine, string error)
    {
        Assert.Equal([$"error {error}"], ParseResponses(statusLine + "\r\nContent-Length: 0\r\n\r\n").Events);
    }

    [Fact]
    public void InterimResponsesAreReportedApartFromTheFinalOne()
    {
        var run = ParseResponses(
            "HTTP/1.1 100 Continue\r\n\r\n"
            + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
            + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");

        Assert.Equal(
            [
                "interim HTTP/1.1 100 Continue keep-alive=True framing=None length=-1",
                "interim HTTP/1.1 103 Early Hints keep-alive=True framing=None length=-1 [Link: </style.css>; rel=preload]",
                "head HTTP/1.1 201 Created keep-alive=True framing=ContentLength length=2 [Content-Length: 2]",
                "body ok",
                "complete",
            ],
            run.Events);
    }

    [Fact]
    public void ChunkedResponseWithTrailersIsDecoded()
    {
        var run = ParseResponses(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: Server-Timing\r\n\r\n"
            + "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\nServer-Timing: total;dur=12\r\n\r\n");

        Assert.Equal(
            [
                "body Wikipedia",
                "trailers [Server-Timing: total;dur=12]",
                "complete",
            ],
            run.Events.Skip(1));
        Assert.Equal(HttpBodyFraming.Chunked, run.Heads[0].BodyFraming);
    }

    [Fact]
    public void ResponseWithoutLengthRunsUntilTheConnectionCloses()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this\r\nuntil close");

        Assert.Equal(
            [
                "head HTTP/1.1 200 OK keep-alive=False framing=UntilClose length=-1 [Content-Type: text/plain]",
                "body all of this\\x0D\\x0Auntil close",
                "complete",
            ],
            run.Events);
    }

    [Fact]
    public void ResponseWhoseLastCodingIsNotChunkedRunsUntilClose()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n\u001F\u008B");

        Assert.Equal(HttpBodyFraming.UntilClose, run.Heads[0].BodyFraming);
        Assert.Equal([0x1F, 0x8B], run.Bodies[0]);
    }

    [Fact]
    public void ResponseWithOtherCodingsBeforeChunkedIsDechunkedOnly()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\n\u001F\u008B\r\n0\r\n\r\n");

        Assert.Equal(HttpBodyFraming.Chunked, run.Heads[0].BodyFraming);
        Assert.Equal([0x1F, 0x8B], run.Bodies[0]);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "ContentLengthWithTransferEncoding 400")]
    [InlineData("Transfer-Encoding: chunked, chunked\r\n", "InvalidTransferEncoding 400")]
    [InlineData("Content-Length: 5, 6\r\n", "ConflictingContentLength 400")]
    [InlineData("Content-Length: abc\r\n", "InvalidContentLength 400")]
    [InlineData("Bad Header: 1\r\n", "InvalidHeaderName 400")]
    [InlineData("X-A : 1\r\n", "WhitespaceBeforeColon 400")]
    public void AmbiguousOrMalformedResponseHeadsAreRefused(string headers, string error)
    {
        Assert.Equal([$"error {error}"], ParseResponses($"HTTP/1.1 200 OK\r\n{headers}\r\n5\r\nhello\r\n0\r\n\r\n").Events);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    public void ResponsesThatNeverHaveABodyIgnoreTheirFraming(int status)
    {
        var run = ParseResponses(
            $"HTTP/1.1 {status} X\r\nContent-Length: 10\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n!");

        Assert.Equal([HttpBodyFraming.None, HttpBodyFraming.ContentLength], run.Heads.Select(h => h.BodyFraming));
        Assert.Equal(["", "!"], run.Bodies.Select(b => System.Text.Encoding.ASCII.GetString(b)));
    }

    [Fact]
    public void ResponseToHeadHasNoBodyWhateverItsFramingSays()
    {
        var run = ParseResponses(
            "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", requestMethod: HttpMethods.Head);

        Assert.Equal(2, run.Completed);
        Assert.All(run.Heads, head => Assert.Equal(HttpBodyFraming.None, head.BodyFraming));
    }

    [Fact]
    public void SwitchingProtocolsStopsTheParserRightAfterTheHead()
    {
        const string Head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        var recorder = new ResponseRecorder();
        var parser = new HttpResponseParser(recorder);

        var consumed = parser.Feed(Bytes(Head + "\u0081\u0005hello"));
        var afterwards = parser.Feed(Bytes("more"));

        Assert.Equal((Head.Length, 0), (consumed, afterwards));
        Assert.True(parser.IsUpgraded);
        Assert.Equal(["head HTTP/1.1 101 Switching Protocols keep-alive=True framing=None length=-1 [Upgrade: websocket] [Connection: Upgrade]", "complete"], recorder.Events);
    }

    [Fact]
    public void SuccessfulConnectOpensATunnel()
    {
        const string Head = "HTTP/1.1 200 Connection Established\r\n\r\n";
        var recorder = new ResponseRecorder();
        var parser = new HttpResponseParser(recorder) { RequestMethod = HttpMethods.Connect };

        var consumed = parser.Feed(Bytes(Head + "\u0016\u0003\u0001"));

        Assert.Equal(Head.Length, consumed);
        Assert.True(parser.IsUpgraded);
        Assert.Equal(HttpBodyFraming.None, recorder.Heads[0].BodyFraming);
    }

    [Fact]
    public void FailedConnectIsAnOrdinaryResponse()
    {
        var run = ParseResponses("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 2\r\n\r\nno", requestMethod: HttpMethods.Connect);

        Assert.Equal(["body no", "complete"], run.Events.Skip(1));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", false)]
    public void KeepAliveFollowsVersionConnectionAndFraming(string response, bool keepAlive)
    {
        Assert.Equal(keepAlive, ParseResponses(response).Heads[0].KeepAlive);
    }

    [Fact]
    public void LimitsApplyToResponsesToo()
    {
        var options = new HttpParserOptions { MaxStartLineLength = 20, MaxHeaderSectionLength = 30, MaxBodyLength = 4 };

        Assert.Equal(["error StatusLineTooLong 502"], ParseResponses("HTTP/1.1 200 A long reason\r\n\r\n", options).Events);
        Assert.Equal(["error HeaderSectionTooLarge 431"], ParseResponses("HTTP/1.1 200 OK\r\nX: " + new string('v', 40) + "\r\n\r\n", options).Events);
        Assert.Equal(["error BodyTooLarge 413"], ParseResponses("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n12345", options).Events);
    }

    [Fact]
    public void ConnectionEndingInTheMiddleOfAResponseIsReported()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");

        Assert.Equal(["body abc", "error IncompleteMessage 400"], run.Events.Skip(1));
    }

    [Fact]
    public void StrayEmptyLinesBetweenResponsesAreSkipped()
    {
        var run = ParseResponses("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");

        Assert.Equal(2, run.Completed);
    }
}
