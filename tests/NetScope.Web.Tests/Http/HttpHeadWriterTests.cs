using System.Buffers;
using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;

namespace NetScope.Web.Tests.Http;

public sealed class HttpHeadWriterTests
{
    private static HttpHeaders Headers(params (string Name, string Value)[] lines)
    {
        var headers = new HttpHeaders();
        foreach (var (name, value) in lines)
        {
            headers.Add(name, value);
        }

        return headers;
    }

    private static string WriteResponse(HttpProtocolVersion version, int status, string? reason, HttpHeaders headers)
    {
        var writer = new ArrayBufferWriter<byte>();
        HttpHeadWriter.WriteResponseHead(writer, version, status, reason, headers);
        Assert.Equal(HttpHeadWriter.GetResponseHeadLength(status, reason, headers), writer.WrittenCount);
        return Encoding.Latin1.GetString(writer.WrittenSpan);
    }

    [Fact]
    public void ResponseHeadIsStatusLineFieldLinesAndEmptyLine()
    {
        var text = WriteResponse(
            HttpProtocolVersion.Http11, 200, null, Headers(("Content-Type", "text/plain"), ("Content-Length", "13"), ("X-Cafe", "d\u00E9j\u00E0")));

        Assert.Equal("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\nX-Cafe: d\u00E9j\u00E0\r\n\r\n", text);
    }

    [Theory]
    [InlineData(HttpProtocolVersion.Http10, 404, null, "HTTP/1.0 404 Not Found\r\n\r\n")]
    [InlineData(HttpProtocolVersion.Http11, 418, null, "HTTP/1.1 418 I'm a teapot\r\n\r\n")]
    [InlineData(HttpProtocolVersion.Http11, 299, null, "HTTP/1.1 299 \r\n\r\n")]
    [InlineData(HttpProtocolVersion.Http11, 200, "Fine", "HTTP/1.1 200 Fine\r\n\r\n")]
    [InlineData(HttpProtocolVersion.Http11, 101, null, "HTTP/1.1 101 Switching Protocols\r\n\r\n")]
    public void StatusLineUsesTheGivenOrRegisteredReasonPhrase(HttpProtocolVersion version, int status, string? reason, string expected)
    {
        Assert.Equal(expected, WriteResponse(version, status, reason, new HttpHeaders()));
    }

    [Fact]
    public void EveryRegisteredStatusCodeHasItsReasonPhrase()
    {
        int[] registered =
        [
            100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308,
            400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425,
            426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
        ];

        Assert.Equal(registered, Enumerable.Range(0, 1000).Where(HttpReasonPhrases.IsRegistered));
        Assert.Equal(
            ["Continue", "Content Too Large", "URI Too Long", "Request Header Fields Too Large", "Not Implemented", "HTTP Version Not Supported"],
            new[] { 100, 413, 414, 431, 501, 505 }.Select(HttpReasonPhrases.Get));
        Assert.Equal(string.Empty, HttpReasonPhrases.Get(-1));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(1000)]
    public void StatusCodesOutsideThreeDigitsAreRefused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WriteResponse(HttpProtocolVersion.Http11, status, null, new HttpHeaders()));
    }

    [Fact]
    public void ReasonPhraseWithLineBreakIsRefused()
    {
        Assert.Throws<ArgumentException>(() => WriteResponse(HttpProtocolVersion.Http11, 200, "OK\r\nX: y", new HttpHeaders()));
    }

    [Fact]
    public void TryWriteFailsWithoutWritingWhenTheSpanIsTooSmall()
    {
        var headers = Headers(("Content-Length", "0"));
        var exact = new byte[HttpHeadWriter.GetResponseHeadLength(204, null, headers)];
        var small = new byte[exact.Length - 1];

        Assert.False(HttpHeadWriter.TryWriteResponseHead(small, HttpProtocolVersion.Http11, 204, null, headers, out var none));
        Assert.True(HttpHeadWriter.TryWriteResponseHead(exact, HttpProtocolVersion.Http11, 204, null, headers, out var written));

        Assert.Equal((0, exact.Length), (none, written));
        Assert.All(small, b => Assert.Equal(0, b));
        Assert.Equal("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", Encoding.ASCII.GetString(exact));
    }

    [Fact]
    public void RequestHeadIsRequestLineFieldLinesAndEmptyLine()
    {
        var writer = new ArrayBufferWriter<byte>();

        HttpHeadWriter.WriteRequestHead(writer, "GET", "/a?b=c", HttpProtocolVersion.Http11, Headers(("Host", "example.com"), ("Accept", "*/*")));

        Assert.Equal("GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n", Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Theory]
    [InlineData("GE T", "/")]
    [InlineData("", "/")]
    [InlineData("GET", "/a b")]
    [InlineData("GET", "/a\r\nX: y")]
    [InlineData("GET", "/#frag")]
    [InlineData("GET", "")]
    public void InvalidMethodsAndTargetsAreRefused(string method, string target)
    {
        Assert.Throws<ArgumentException>(
            () => HttpHeadWriter.WriteRequestHead(new ArrayBufferWriter<byte>(), method, target, HttpProtocolVersion.Http11, new HttpHeaders()));
    }

    [Fact]
    public void WrittenRequestHeadParsesBackToTheSameHead()
    {
        var writer = new ArrayBufferWriter<byte>();
        var headers = Headers(("Host", "h:1"), ("X-Multi", "a"), ("x-multi", "b"), ("Content-Length", "2"));
        HttpHeadWriter.WriteRequestHead(writer, "PATCH", "/r?x", HttpProtocolVersion.Http10, headers);
        writer.Write("ok"u8);

        var run = Feeder.ParseRequests(writer.WrittenSpan.ToArray());

        var head = Assert.Single(run.Heads);
        Assert.Equal(("PATCH", "/r?x", HttpProtocolVersion.Http10), (head.Method, head.Target, head.Version));
        Assert.Equal(headers, head.Headers);
        Assert.Equal("ok"u8.ToArray(), run.Bodies[0]);
    }
}
