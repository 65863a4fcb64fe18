using System.Buffers;
using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;

namespace NetScope.Web.Tests.Http;

public sealed class HttpChunkedEncoderTests
{
    [Theory]
    [InlineData(1L, "1\r\n")]
    [InlineData(15L, "f\r\n")]
    [InlineData(16L, "10\r\n")]
    [InlineData(255L, "ff\r\n")]
    [InlineData(4096L, "1000\r\n")]
    [InlineData(long.MaxValue, "7fffffffffffffff\r\n")]
    public void ChunkHeaderIsLowerCaseHexAndCrLf(long size, string expected)
    {
        var buffer = new byte[HttpChunkedEncoder.MaxChunkHeaderLength];

        var written = HttpChunkedEncoder.WriteChunkHeader(buffer, size);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, written));
        Assert.Equal(written, HttpChunkedEncoder.GetChunkHeaderLength(size));
    }

    [Fact]
    public void ChunkHeaderRefusesZeroAndTooSmallSpans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HttpChunkedEncoder.GetChunkHeaderLength(0));
        Assert.Throws<ArgumentException>(() => HttpChunkedEncoder.WriteChunkHeader(new byte[3], 0x100));
    }

    [Fact]
    public void ChunksAndLastChunkWithTrailersFormAWholeBody()
    {
        var writer = new ArrayBufferWriter<byte>();
        var trailers = new HttpHeaders();
        trailers.Add("X-Sum", "42");

        HttpChunkedEncoder.WriteChunk(writer, "Hello, "u8);
        HttpChunkedEncoder.WriteChunk(writer, []);
        HttpChunkedEncoder.WriteChunkHeader(writer, 6);
        writer.Write("world!"u8);
        writer.Write(HttpChunkedEncoder.ChunkTerminator);
        HttpChunkedEncoder.WriteLastChunk(writer, trailers);

        Assert.Equal("7\r\nHello, \r\n6\r\nworld!\r\n0\r\nX-Sum: 42\r\n\r\n", Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void LastChunkWithoutTrailersIsZeroAndTwoCrLf()
    {
        var writer = new ArrayBufferWriter<byte>();

        HttpChunkedEncoder.WriteLastChunk(writer);

        Assert.Equal("0\r\n\r\n", Encoding.ASCII.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void EncodedBodyParsesBackToTheSameBytesAndTrailers()
    {
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
        var body = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        HttpChunkedEncoder.WriteChunk(writer, body.AsSpan(0, 17));
        HttpChunkedEncoder.WriteChunk(writer, body.AsSpan(17));
        var trailers = new HttpHeaders();
        trailers.Add("Digest", "sha-256=abc");
        HttpChunkedEncoder.WriteLastChunk(writer, trailers);

        var run = Feeder.ParseRequests(writer.WrittenSpan.ToArray());

        Assert.Equal(body, run.Bodies[0]);
        Assert.Equal(trailers, run.Trailers[0]!);
    }
}
