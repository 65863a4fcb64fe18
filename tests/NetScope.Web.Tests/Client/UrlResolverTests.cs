using NetScope.Web.Client.Connections;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Client;

/// <summary>Location values resolved against the request URL (RFC 3986 section 5.4's examples and what servers send).</summary>
public sealed class UrlResolverTests
{
    [Theory]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g/")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q")]
    [InlineData("g#s", "http://a/b/c/g")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("./", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../g", "http://a/g")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("https://other:8443/x", "https://other:8443/x")]
    [InlineData("HTTP://Other/x", "http://Other/x")]
    public void ReferencesResolveAsRfc3986Says(string reference, string expected)
    {
        Assert.True(UrlResolver.TryResolve(HttpUrl.Parse("http://a/b/c/d;p?q"), reference, out var result));

        Assert.Equal(expected, result.ToString());
    }

    [Fact]
    public void SpacesAndNonAsciiBytesArePercentEncoded()
    {
        Assert.True(UrlResolver.TryResolve(HttpUrl.Parse("http://a/"), "/caf\u00E9 menu?q=\u00FF", out var result));

        Assert.Equal("http://a/caf%E9%20menu?q=%FF", result.ToString());
    }

    [Theory]
    [InlineData("ftp://a/file")]
    [InlineData("mailto:someone@example.test")]
    [InlineData("http://a:99999/")]
    public void ReferencesThatAreNotHttpUrlsDoNotResolve(string reference)
    {
        Assert.False(UrlResolver.TryResolve(HttpUrl.Parse("http://a/"), reference, out _));
    }
}
