using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http;

public sealed class HttpPathTests
{
    [Theory]
    [InlineData("/", new[] { "" })]
    [InlineData("/a/b", new[] { "a", "b" })]
    [InlineData("/a/b/", new[] { "a", "b", "" })]
    [InlineData("/a//b", new[] { "a", "", "b" })]
    [InlineData("/a%2Fb", new[] { "a/b" })]
    [InlineData("/a%2fb/c", new[] { "a/b", "c" })]
    [InlineData("/%2e%2e/etc", new[] { "..", "etc" })]
    [InlineData("/..%2F..%2Fetc", new[] { "../../etc" })]
    [InlineData("/a%00b", new[] { "a\0b" })]
    [InlineData("/caf%C3%A9/%E2%82%AC", new[] { "café", "€" })]
    [InlineData("/100%/%zz/%4", new[] { "100%", "%zz", "%4" })]
    [InlineData("/%C0%AE%C0%AE", new[] { "\uFFFD\uFFFD\uFFFD\uFFFD" })]
    [InlineData("/a+b", new[] { "a+b" })]
    public void SegmentsAreSplitBeforeDecoding(string rawPath, string[] segments)
    {
        Assert.Equal(segments, HttpPath.GetSegments(rawPath));
    }

    [Theory]
    [InlineData("/a%20b/c%2Fd", "/a b/c/d")]
    [InlineData("/plain", "/plain")]
    [InlineData("/50%", "/50%")]
    public void DecodeDecodesEveryEscape(string rawPath, string decoded)
    {
        Assert.Equal(decoded, HttpPath.Decode(rawPath));
    }

    [Fact]
    public void DecodeReturnsTheSameInstanceWhenThereIsNothingToDecode()
    {
        const string Path = "/nothing/to/do";

        Assert.Same(Path, HttpPath.Decode(Path));
    }

    [Theory]
    [InlineData("a%20b", "a b")]
    [InlineData("%E2%82%AC", "€")]
    [InlineData("", "")]
    public void StrictSegmentDecodingAcceptsWellFormedSegments(string raw, string decoded)
    {
        Assert.True(HttpPath.TryDecodeSegment(raw, out var segment));
        Assert.Equal(decoded, segment);
    }

    [Theory]
    [InlineData("%zz")]
    [InlineData("%4")]
    [InlineData("%")]
    [InlineData("%C0%AE")]
    [InlineData("%FF")]
    [InlineData("%E2%82")]
    public void StrictSegmentDecodingRefusesMalformedEscapesAndInvalidUtf8(string raw)
    {
        Assert.False(HttpPath.TryDecodeSegment(raw, out _));
    }

    [Theory]
    [InlineData("index.html", true)]
    [InlineData("..data", true)]
    [InlineData("a b", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\0b", false)]
    [InlineData("a\nb", false)]
    public void SafeFileNamesExcludeTraversalSeparatorsAndControls(string segment, bool safe)
    {
        Assert.Equal(safe, HttpPath.IsSafeFileName(segment));
    }

    [Theory]
    [InlineData("/static/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/static/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/static/../../etc/passwd")]
    [InlineData("/static/secret%00.txt")]
    [InlineData("/static/a%5C..%5C..%5Cwin.ini")]
    public void TraversalAttemptsLeaveAnUnsafeSegment(string rawPath)
    {
        Assert.Contains(HttpPath.GetSegments(rawPath).Skip(1), segment => !HttpPath.IsSafeFileName(segment));
    }
}
