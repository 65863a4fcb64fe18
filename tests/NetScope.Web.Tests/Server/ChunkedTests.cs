using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class ChunkedTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100)]
    public void AChunkedRequestBodyArrivesWholeWithItsTrailers(int chunkSize)
    {
        var resource = new BodyResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        connection.Send(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 42\r\n\r\n",
            chunkSize);

        Assert.Equal("11:hello world|trailers X-Sum=42", connection.Single().BodyText);
        Assert.Equal(11, Assert.Single(resource.Requests).ContentLength);
    }

    [Fact]
    public void ABodyOfUnknownLengthIsSentChunkedToAnHttp11Client()
    {
        var harness = new ServerHarness(new StreamingResource("Hel", "", "lo, ", "world!"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(
            $"HTTP/1.1 200 OK\r\nDate: {harness.Date}\r\nServer: NetScope\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
            + "3\r\nHel\r\n4\r\nlo, \r\n6\r\nworld!\r\n0\r\n\r\n",
            connection.Output);
        Assert.Equal("Hello, world!", connection.Single().BodyText);
    }

    [Fact]
    public void LargeChunksAreFramedCorrectly()
    {
        var big = new string('x', 20_000);
        var harness = new ServerHarness(new StreamingResource(big, "tail"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(big + "tail", connection.Single().BodyText);
        Assert.Contains("\r\n4e20\r\n", connection.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AChunkedBodyLargerThanTheMemoryLimitIsSpilledToAFileAndReadBack()
    {
        var resource = new BodyResource();
        var harness = new ServerHarness(resource, new Web.Server.SiteOptions { BodyMemoryLimit = 16 });
        var connection = harness.Connect();
        var payload = string.Concat(Enumerable.Range(0, 40).Select(i => (char)('a' + (i % 26))));

        connection.Send($"PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n{payload[..20]}\r\n14\r\n{payload[20..]}\r\n0\r\n\r\n");

        Assert.Equal($"40:{payload}|trailers -", connection.Single().BodyText);
    }
}
