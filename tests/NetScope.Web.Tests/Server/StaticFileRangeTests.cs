using System.Security.Cryptography;
using NetScope.Web.Http;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

/// <summary>Conditional requests, byte ranges, and streaming large files in flat memory.</summary>
public sealed class StaticFileRangeTests : IDisposable
{
    private readonly StaticTree _tree = new();
    private readonly string _etag;
    private readonly string _lastModified;

    public StaticFileRangeTests()
    {
        var modified = File.GetLastWriteTimeUtc(_tree.PathOf("hello.txt"));
        _etag = $"\"{modified.Ticks:x}-e\"";
        _lastModified = HttpDate.Format(modified);
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("bytes=0-4", 206, "Hello", "bytes 0-4/14")]
    [InlineData("bytes=7-", 206, "world!\n", "bytes 7-13/14")]
    [InlineData("bytes=-3", 206, "d!\n", "bytes 11-13/14")]
    [InlineData("bytes=-100", 206, "Hello, world!\n", "bytes 0-13/14")]
    [InlineData("bytes=5-1000", 206, ", world!\n", "bytes 5-13/14")]
    [InlineData("bytes=13-13", 206, "\n", "bytes 13-13/14")]
    [InlineData("BYTES = 0-0", 206, "H", "bytes 0-0/14")]
    [InlineData("bytes=0-99999999999999999999", 206, "Hello, world!\n", "bytes 0-13/14")]
    [InlineData("bytes=0-1,4-5", 200, "Hello, world!\n", null)]
    [InlineData("bytes=5-2", 200, "Hello, world!\n", null)]
    [InlineData("items=0-1", 200, "Hello, world!\n", null)]
    [InlineData("bytes=abc", 200, "Hello, world!\n", null)]
    [InlineData("bytes=14-", 416, null, "bytes */14")]
    [InlineData("bytes=99999999999999999999-", 416, null, "bytes */14")]
    [InlineData("bytes=-0", 416, null, "bytes */14")]
    public void ASingleRangeIsServedAndEverythingElseAsTheRfcSays(string range, int status, string? body, string? contentRange)
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));

        var response = harness.Connect().Send($"GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: {range}\r\n\r\n").Single();

        Assert.Equal(status, response.Status);
        Assert.Equal(contentRange, response.Header("Content-Range"));
        if (body is not null)
        {
            Assert.Equal(body, response.BodyText);
            Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
        }
    }

    [Fact]
    public void IfRangeWithTheCurrentValidatorAllowsTheRangeAndAnyOtherSendsTheWholeFile()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send(
            $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-4\r\nIf-Range: {_etag}\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-4\r\nIf-Range: {_lastModified}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-4\r\nIf-Range: \"stale\"\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-4\r\nIf-Range: W/{_etag}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-4\r\nIf-Range: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n");

        Assert.Equal([206, 206, 200, 200, 200], connection.Responses().Select(r => r.Status));
    }

    [Fact]
    public void AMatchingEntityTagOrDateGets304WithItsValidatorsAndNoBody()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send(
            $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"other\", {_etag}\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: W/{_etag}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: *\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Modified-Since: {_lastModified}\r\n\r\n"
            + $"HEAD /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: {_etag}\r\n\r\n");

        var responses = connection.Responses(HttpMethods.Get, HttpMethods.Get, HttpMethods.Get, HttpMethods.Get, HttpMethods.Head);
        Assert.All(responses, r => Assert.Equal(304, r.Status));
        Assert.All(responses, r => Assert.Equal((_etag, _lastModified), (r.Header("ETag"), r.Header("Last-Modified"))));
        Assert.All(responses, r => Assert.Empty(r.Body));
        Assert.All(responses, r => Assert.Null(r.Header("Content-Length")));
    }

    [Fact]
    public void AStaleValidatorGetsTheFile()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send(
            "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"stale\"\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"stale\"\r\nIf-Modified-Since: {_lastModified}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Modified-Since: not a date\r\n\r\n");

        Assert.Equal([200, 200, 200, 200], connection.Responses().Select(r => r.Status));
    }

    [Fact]
    public void AFailedPreconditionGets412()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send(
            "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Match: \"stale\"\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Match: W/{_etag}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Unmodified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n"
            + $"GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Match: {_etag}\r\n\r\n"
            + "GET /hello.txt HTTP/1.1\r\nHost: h\r\nIf-Match: *\r\n\r\n");

        Assert.Equal([412, 412, 412, 200, 200], connection.Responses().Select(r => r.Status));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ALargeFileStreamsThroughTheProducerInFlatMemory(bool readCachedDataInline)
    {
        var data = _tree.WriteLargeFile("large.bin", 4 * 1024 * 1024 + 123);
        var harness = new ServerHarness(new StaticFile(_tree.Root, new StaticFileOptions { ReadCachedDataInline = readCachedDataInline }));
        var connection = harness.Connect();
        connection.Transport.Blocked = true;
        connection.Transport.HighWaterMark = 64 * 1024;

        connection.Send("GET /large.bin HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.True(connection.Transport.ProducerPaused);
        Assert.InRange(connection.Transport.Written.Length, 64 * 1024, 200 * 1024);
        for (var rounds = 0; rounds < 1000 && connection.Transport.Producer is not null; rounds++)
        {
            connection.Transport.Drain();
            harness.Threads.RunAll();
        }

        var response = connection.Single();
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(response.Body));
        Assert.InRange(connection.Transport.MaxUnsent, 64 * 1024, (64 * 1024) + (2 * 64 * 1024));
        Assert.Equal("application/octet-stream", response.Header("Content-Type"));
        if (!readCachedDataInline)
        {
            Assert.True(harness.Threads.Ran > 64, "each chunk should be read on the pool");
        }
    }

    [Fact]
    public void ARangeOfALargeFileStreamsExactlyThoseBytes()
    {
        var data = _tree.WriteLargeFile("large.bin", 1_000_000);
        var harness = new ServerHarness(new StaticFile(_tree.Root, new StaticFileOptions { ChunkSize = 4096 }));
        var connection = harness.Connect();

        connection.Send("GET /large.bin HTTP/1.1\r\nHost: h\r\nRange: bytes=100000-899999\r\n\r\n");

        var response = connection.Single();
        Assert.Equal((206, "bytes 100000-899999/1000000"), (response.Status, response.Header("Content-Range")));
        Assert.Equal(data.AsSpan(100_000, 800_000).ToArray(), response.Body);
    }

    [Fact]
    public void AClientThatLeavesMidFileStopsTheProducer()
    {
        _tree.WriteLargeFile("large.bin", 1_000_000);
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();
        connection.Transport.Blocked = true;
        connection.Send("GET /large.bin HTTP/1.1\r\nHost: h\r\n\r\n");
        var producer = Assert.IsAssignableFrom<NetScope.Core.Transports.IPushProducer>(connection.Transport.Producer);
        var written = connection.Transport.Written.Length;

        producer.StopProducing();
        connection.Lose();
        producer.ResumeProducing();
        harness.Threads.RunAll();

        Assert.Equal(written, connection.Transport.Written.Length);
        Assert.False(Assert.Single(harness.Log).Completed);
    }
}
