using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;

namespace NetScope.Web.Tests.Http;

public sealed class HttpParserOptionsTests
{
    [Fact]
    public void DefaultsAreDocumentedValues()
    {
        var requests = HttpParserOptions.RequestDefaults;
        var responses = HttpParserOptions.ResponseDefaults;

        Assert.Equal((8192, 32768, 100, 32L * 1024 * 1024, 4096, true), (requests.MaxStartLineLength, requests.MaxHeaderSectionLength, requests.MaxHeaderCount, requests.MaxBodyLength, requests.MaxChunkLineLength, requests.AllowBareLineFeed));
        Assert.Equal(long.MaxValue, responses.MaxBodyLength);
    }

    [Theory]
    [InlineData(0, 100, 10, 1L, 100)]
    [InlineData(100, 1, 10, 1L, 100)]
    [InlineData(100, 100, -1, 1L, 100)]
    [InlineData(100, 100, 10, -1L, 100)]
    [InlineData(100, 100, 10, 1L, 2)]
    public void NonsensicalLimitsAreRefusedWhenAParserIsCreated(int startLine, int section, int count, long body, int chunkLine)
    {
        var options = new HttpParserOptions
        {
            MaxStartLineLength = startLine,
            MaxHeaderSectionLength = section,
            MaxHeaderCount = count,
            MaxBodyLength = body,
            MaxChunkLineLength = chunkLine,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpRequestParser(new RequestRecorder(), options));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpResponseParser(new ResponseRecorder(), options));
    }

    [Fact]
    public void ResponseParserNeedsARequestMethod()
    {
        var parser = new HttpResponseParser(new ResponseRecorder());

        Assert.Equal(HttpMethods.Get, parser.RequestMethod);
        Assert.Throws<ArgumentNullException>(() => parser.RequestMethod = null!);
    }
}
