using System.IO.Compression;
using System.Text;
using NetScope.Web.Client;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>gzip and deflate bodies decoded by <see cref="ContentDecoderAgent"/> as they stream, in every piece size.</summary>
public sealed class ContentDecodingTests
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 3000).Select(i => $"line {i} of a compressible body\n")));

    public static TheoryData<string, int> Codings() => new()
    {
        { "gzip", 1 }, { "gzip", 7 }, { "gzip", 100_000 },
        { "x-gzip", 1000 },
        { "deflate", 1 }, { "deflate", 1000 },
        { "deflate-raw", 1 }, { "deflate-raw", 1000 },
    };

    [Theory]
    [MemberData(nameof(Codings))]
    public void ABodyIsDecodedWhateverTheSizeOfThePiecesItArrivesIn(string coding, int pieceSize)
    {
        var encoded = Encode(coding, Content);
        var harness = new ClientHarness();
        var response = new ContentDecoderAgent(harness.Agent).Request("GET", "http://example.test/");
        var server = harness.Accept(0);
        Assert.Contains("\r\nAccept-Encoding: gzip, deflate\r\n", server.TakeWritten());

        var name = coding == "deflate-raw" ? "deflate" : coding;
        server.Send($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: {name}\r\nContent-Length: {encoded.Length}\r\n\r\n");
        var decoded = Result(response);
        var body = decoded.ReadBody();
        for (var offset = 0; offset < encoded.Length; offset += pieceSize)
        {
            server.Send(encoded[offset..Math.Min(encoded.Length, offset + pieceSize)]);
        }

        Assert.Equal(Content, Result(body));
        Assert.Null(decoded.Headers.Get("Content-Encoding"));
        Assert.Null(decoded.Headers.Get("Content-Length"));
        Assert.Equal(-1, decoded.ContentLength);
        Assert.Equal("text/plain", decoded.Headers.Get("Content-Type"));
        Assert.Equal(name, decoded.Undecoded!.Headers.Get("Content-Encoding"));
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void SeveralGzipMembersDecodeOneAfterTheOther()
    {
        var encoded = Encode("gzip", "first "u8.ToArray()).Concat(Encode("gzip", "second"u8.ToArray())).ToArray();

        Assert.Equal("first second", Encoding.ASCII.GetString(DecodeWhole("gzip", encoded)));
    }

    [Fact]
    public void AnEmptyBodyLabelledGzipIsEmpty()
    {
        Assert.Empty(DecodeWhole("gzip", []));
    }

    [Fact]
    public void ACorruptBodyFailsWithWhatZlibSaidAndAbortsTheConnection()
    {
        var encoded = Encode("gzip", Content);
        encoded[20] ^= 0xFF;
        encoded[21] ^= 0xFF;

        var error = Assert.Throws<HttpResponseException>(() => DecodeWhole("gzip", encoded));

        Assert.StartsWith("the gzip body does not decode: ", error.Message);
    }

    [Fact]
    public void AWrongChecksumIsCaught()
    {
        var encoded = Encode("gzip", Content);
        encoded[^6] ^= 0x01;

        Assert.Equal("the gzip body does not decode: incorrect data check", Assert.Throws<HttpResponseException>(() => DecodeWhole("gzip", encoded)).Message);
    }

    [Fact]
    public void ACompressedStreamCutShortIsCaughtEvenWhenTheHttpFramingIsComplete()
    {
        var encoded = Encode("deflate", Content)[..^10];

        Assert.Equal(
            "the deflate body was cut short: its compressed stream did not end",
            Assert.Throws<HttpResponseException>(() => DecodeWhole("deflate", encoded)).Message);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip, br")]
    [InlineData("identity")]
    public void CodingsThatCannotBeDecodedLeaveTheResponseAsItIs(string coding)
    {
        var harness = new ClientHarness();
        var response = new ContentDecoderAgent(harness.Agent).Request("GET", "http://example.test/");

        harness.Accept(0).Send($"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nContent-Length: 3\r\n\r\nraw");

        Assert.Null(Result(response).Undecoded);
        Assert.Equal("raw", Encoding.ASCII.GetString(Result(Result(response).ReadBody())));
    }

    [Fact]
    public void OnlyTheDecodableCodingsAtTheEndAreTakenOff()
    {
        var harness = new ClientHarness();
        var encoded = Encode("gzip", "inner"u8.ToArray());
        var response = new ContentDecoderAgent(harness.Agent).Request("GET", "http://example.test/");

        harness.Accept(0).Send([.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Encoding: br, gzip\r\nContent-Length: {encoded.Length}\r\n\r\n"), .. encoded]);

        Assert.Equal("br", Result(response).Headers.Get("Content-Encoding"));
        Assert.Equal("inner", Encoding.ASCII.GetString(Result(Result(response).ReadBody())));
    }

    [Fact]
    public void ACallersAcceptEncodingIsKept()
    {
        var harness = new ClientHarness();
        var headers = new NetScope.Web.Http.HttpHeaders();
        headers.Add("Accept-Encoding", "identity");

        new ContentDecoderAgent(harness.Agent).Request("GET", "http://example.test/", headers);

        var written = harness.Accept(0).TakeWritten();
        Assert.Contains("\r\nAccept-Encoding: identity\r\n", written);
        Assert.DoesNotContain("gzip", written);
    }

    private static byte[] DecodeWhole(string coding, byte[] encoded)
    {
        var harness = new ClientHarness();
        var response = new ContentDecoderAgent(harness.Agent).Request("GET", "http://example.test/");
        var server = harness.Accept(0);
        server.Send($"HTTP/1.1 200 OK\r\nContent-Encoding: {coding}\r\nContent-Length: {encoded.Length}\r\n\r\n");
        var body = Result(response).ReadBody();
        server.Send(encoded);
        return Result(body);
    }

    private static byte[] Encode(string coding, byte[] content)
    {
        var output = new MemoryStream();
        using (Stream compressor = coding switch
        {
            "gzip" or "x-gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            compressor.Write(content);
        }

        return output.ToArray();
    }
}
