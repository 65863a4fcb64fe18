using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;
using static NetScope.Web.Tests.Http.Support.Feeder;

namespace NetScope.Web.Tests.Http;

public sealed class HttpRequestParserBodyTests
{
    [Fact]
    public void ContentLengthBodyIsDeliveredExactly()
    {
        var run = ParseRequests("POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");

        Assert.Equal(
            [
                "head POST /f HTTP/1.1 form=Origin path=/f query= host=x keep-alive=True expect=False framing=ContentLength length=11"
                + " [Host: x] [Content-Length: 11]",
                "body hello world",
                "complete",
            ],
            run.Events);
    }

    [Fact]
    public void ZeroContentLengthCompletesRightAfterTheHead()
    {
        var run = ParseRequests("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal((HttpBodyFraming.ContentLength, 0L), (run.Heads[0].BodyFraming, run.Heads[0].ContentLength));
        Assert.Equal("complete", run.Events[1]);
    }

    [Theory]
    [InlineData("Content-Length: 5, 5\r\n")]
    [InlineData("Content-Length: 5\r\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 005\r\n")]
    public void RepeatedContentLengthsThatAgreeAreAccepted(string headers)
    {
        var run = ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\n{headers}\r\nabcde");

        Assert.Equal("abcde"u8.ToArray(), Assert.Single(run.Bodies));
    }

    [Theory]
    [InlineData("Content-Length: 5, 6\r\n")]
    [InlineData("Content-Length: 5\r\nContent-Length: 6\r\n")]
    public void ContentLengthsThatDisagreeAreABadRequest(string headers)
    {
        Assert.Equal(["error ConflictingContentLength 400"], ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\n{headers}\r\nabcde").Events);
    }

    [Theory]
    [InlineData("+5")]
    [InlineData("-1")]
    [InlineData("5a")]
    [InlineData("0x5")]
    [InlineData("5 5")]
    [InlineData("")]
    [InlineData("5,")]
    [InlineData("5.0")]
    [InlineData("99999999999999999999")]
    [InlineData("\u00B5")]
    public void ContentLengthMustBeDigitsOnly(string value)
    {
        Assert.Equal(["error InvalidContentLength 400"], ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: {value}\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n")]
    [InlineData("Content-Length: 5\r\nTransfer-Encoding: gzip, chunked\r\n")]
    public void TransferEncodingWithContentLengthIsRefusedToPreventSmuggling(string headers)
    {
        Assert.Equal(
            ["error ContentLengthWithTransferEncoding 400"],
            ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\n{headers}\r\n5\r\nhello\r\n0\r\n\r\n").Events);
    }

    [Theory]
    [InlineData("gzip", "InvalidTransferEncoding 400")]
    [InlineData("chunked, gzip", "InvalidTransferEncoding 400")]
    [InlineData("chunked, chunked", "InvalidTransferEncoding 400")]
    [InlineData("chunked\r\nTransfer-Encoding: chunked", "InvalidTransferEncoding 400")]
    [InlineData("", "InvalidTransferEncoding 400")]
    [InlineData(" , ", "InvalidTransferEncoding 400")]
    [InlineData("chunk\u00E9d", "InvalidTransferEncoding 400")]
    [InlineData("gzip, chunked", "UnsupportedTransferCoding 501")]
    [InlineData("x-custom, chunked", "UnsupportedTransferCoding 501")]
    [InlineData("gzip\r\nTransfer-Encoding: chunked", "UnsupportedTransferCoding 501")]
    public void TransferEncodingMustBeChunkedAloneAndLast(string value, string error)
    {
        Assert.Equal(
            [$"error {error}"],
            ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: {value}\r\n\r\n5\r\nhello\r\n0\r\n\r\n").Events);
    }

    [Fact]
    public void TransferEncodingInAnHttp10RequestIsRefused()
    {
        Assert.Equal(
            ["error TransferEncodingInHttp10 400"],
            ParseRequests("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").Events);
    }

    [Fact]
    public void ChunkedBodyWithExtensionsAndTrailersIsDecoded()
    {
        var run = ParseRequests(
            "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "1 ; a ; b = \"q \\\" s\"\r\n,\r\n"
            + "00A\r\n0123456789\r\n"
            + "0;last\r\nX-Checksum: abc\r\nX-Other: d e\r\n\r\n");

        Assert.Equal(
            [
                "head POST /upload HTTP/1.1 form=Origin path=/upload query= host=x keep-alive=True expect=False framing=Chunked length=-1"
                + " [Host: x] [Transfer-Encoding: Chunked]",
                "body hello,0123456789",
                "trailers [X-Checksum: abc] [X-Other: d e]",
                "complete",
            ],
            run.Events);
    }

    [Fact]
    public void ChunkedBodyWithoutTrailersReportsNoTrailers()
    {
        var run = ParseRequests("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");

        Assert.Equal(["body abc", "complete"], run.Events.Skip(1));
        Assert.Null(run.Trailers[0]);
    }

    [Theory]
    [InlineData("g\r\n", "InvalidChunkSize")]
    [InlineData("\r\n", "InvalidChunkSize")]
    [InlineData(" 5\r\nhello\r\n0\r\n\r\n", "InvalidChunkSize")]
    [InlineData("-5\r\nhello\r\n0\r\n\r\n", "InvalidChunkSize")]
    [InlineData("8000000000000000\r\n", "ChunkSizeOverflow")]
    [InlineData("100000000000000000\r\n", "ChunkSizeOverflow")]
    [InlineData("5\nhello\r\n0\r\n\r\n", "BareLineFeed")]
    [InlineData("5\r\nhello\n0\r\n\r\n", "InvalidChunkFraming")]
    [InlineData("5\r\nhelloX\r\n0\r\n\r\n", "InvalidChunkFraming")]
    [InlineData("5\r\nhello\rX0\r\n\r\n", "InvalidChunkFraming")]
    [InlineData("5 \r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5;\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5;=x\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5;a=\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5;a=\"open\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5;a=b c\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5x\r\nhello\r\n0\r\n\r\n", "InvalidChunkExtension")]
    [InlineData("5\r\nhello\r\n0\r\nX-A: 1\n\r\n", "BareLineFeed")]
    [InlineData("5\r\nhello\r\n0\r\n\n", "BareLineFeed")]
    [InlineData("5\r\nhello\r\n0\r\nBad Name: 1\r\n\r\n", "InvalidHeaderName")]
    [InlineData("5\r\nhello\r\n0\r\n folded\r\n\r\n", "ObsoleteLineFolding")]
    [InlineData("5\r\nhello\r\n0\r\nX-A: \u0001\r\n\r\n", "InvalidHeaderValue")]
    public void BrokenChunkedFramingIsABadRequest(string body, string kind)
    {
        var run = ParseRequests($"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{body}");

        Assert.Equal($"error {kind} 400", run.Events[^1]);
        Assert.Equal(0, run.Completed);
    }

    [Fact]
    public void ChunkLineLongerThanTheLimitIsABadRequest()
    {
        var options = new HttpParserOptions { MaxChunkLineLength = 16 };
        var fits = "5;a=" + new string('b', 10) + "\r\n"; // 16 bytes
        var tooLong = "5;a=" + new string('b', 11) + "\r\n";
        const string Head = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

        Assert.Equal("complete", ParseRequests(Head + fits + "hello\r\n0\r\n\r\n", options).Events[^1]);
        Assert.Equal("error ChunkLineTooLong 400", ParseRequests(Head + tooLong + "hello\r\n0\r\n\r\n", options).Events[^1]);
    }

    [Fact]
    public void BodiesLongerThanTheLimitAreAnsweredWith413()
    {
        var options = new HttpParserOptions { MaxBodyLength = 8 };
        const string Head = "POST / HTTP/1.1\r\nHost: x\r\n";

        Assert.Equal("complete", ParseRequests(Head + "Content-Length: 8\r\n\r\n12345678", options).Events[^1]);
        Assert.Equal(["error BodyTooLarge 413"], ParseRequests(Head + "Content-Length: 9\r\n\r\n123456789", options).Events);
        Assert.Equal("complete", ParseRequests(Head + "Transfer-Encoding: chunked\r\n\r\n4\r\n1234\r\n4\r\n5678\r\n0\r\n\r\n", options).Events[^1]);
        Assert.Equal(
            ["body 12345678", "error BodyTooLarge 413"],
            ParseRequests(Head + "Transfer-Encoding: chunked\r\n\r\n4\r\n1234\r\n4\r\n5678\r\n1\r\n9\r\n0\r\n\r\n", options).Events.Skip(1));
        Assert.Equal(
            ["error BodyTooLarge 413"],
            ParseRequests(Head + "Transfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n", options).Events.Skip(1));
    }

    [Fact]
    public void TrailersLargerThanTheHeaderLimitAreAnsweredWith431()
    {
        var options = new HttpParserOptions { MaxHeaderSectionLength = 64, MaxHeaderCount = 2 };
        const string Head = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n";

        Assert.Equal("error HeaderSectionTooLarge 431", ParseRequests(Head + "X: " + new string('t', 80) + "\r\n\r\n", options).Events[^1]);
        Assert.Equal("error TooManyHeaders 431", ParseRequests(Head + "A: 1\r\nB: 2\r\nC: 3\r\n\r\n", options).Events[^1]);
    }

    [Fact]
    public void ConnectionEndingInTheMiddleOfARequestIsReported()
    {
        var midBody = ParseRequests("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        var midHead = ParseRequests("GET / HTTP/1.1\r\nHo");
        var betweenRequests = ParseRequests("GET / HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.Equal(["body abc", "error IncompleteMessage 400"], midBody.Events.Skip(1));
        Assert.Equal(["error IncompleteMessage 400"], midHead.Events);
        Assert.Equal("complete", betweenRequests.Events[^1]);
        Assert.Null(betweenRequests.Error);
    }

    [Fact]
    public void AfterAnErrorTheParserTakesNothingAndReportsNothing()
    {
        var recorder = new RequestRecorder();
        var parser = new HttpRequestParser(recorder);

        parser.Feed(Bytes("GET / HTTP/9.9\r\n\r\n"));
        var consumed = parser.Feed(Bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        parser.FeedEnd();

        Assert.Equal(0, consumed);
        Assert.True(parser.HasFailed);
        Assert.Equal(["error UnsupportedVersion 505"], recorder.Events);
    }
}
