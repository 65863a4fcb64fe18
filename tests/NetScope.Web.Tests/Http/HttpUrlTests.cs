using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http;

public sealed class HttpUrlTests
{
    [Theory]
    [InlineData("http://example.com", "http", "example.com", 80, "/", "example.com")]
    [InlineData("https://example.com", "https", "example.com", 443, "/", "example.com")]
    [InlineData("HTTP://Example.com:8080/a/b?c=d#frag", "http", "Example.com", 8080, "/a/b?c=d", "Example.com:8080")]
    [InlineData("https://example.com:443/x", "https", "example.com", 443, "/x", "example.com")]
    [InlineData("http://[::1]:8080/p", "http", "::1", 8080, "/p", "[::1]:8080")]
    [InlineData("http://[2001:db8::1]", "http", "2001:db8::1", 80, "/", "[2001:db8::1]")]
    [InlineData("http://[fe80::1%25eth0]:81/", "http", "fe80::1%eth0", 81, "/", "[fe80::1]:81")]
    [InlineData("http://127.0.0.1:0/", "http", "127.0.0.1", 0, "/", "127.0.0.1:0")]
    [InlineData("http://host?q=1", "http", "host", 80, "/?q=1", "host")]
    [InlineData("http://host#top", "http", "host", 80, "/", "host")]
    [InlineData("http://host:/", "http", "host", 80, "/", "host")]
    public void AbsoluteUrlsAreTakenApart(string text, string scheme, string host, int port, string pathAndQuery, string authority)
    {
        var url = HttpUrl.Parse(text);

        Assert.Equal((scheme, host, port, pathAndQuery, authority), (url.Scheme, url.Host, url.Port, url.PathAndQuery, url.Authority));
    }

    [Fact]
    public void PartsAndNormalFormAreExposed()
    {
        var url = HttpUrl.Parse("https://user:secret@[::1]:8443/a%20b?x=1&y=2#f");

        Assert.Equal("user:secret", url.UserInfo);
        Assert.True(url.IsHttps);
        Assert.True(url.IsIPv6Literal);
        Assert.False(url.IsDefaultPort);
        Assert.Equal(("/a%20b", "x=1&y=2"), (url.Path, url.Query));
        Assert.Equal("https://[::1]:8443/a%20b?x=1&y=2", url.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("example.com")]
    [InlineData("ftp://example.com/")]
    [InlineData("http://")]
    [InlineData("http:///path")]
    [InlineData("http://:80/")]
    [InlineData("http://host:99999/")]
    [InlineData("http://host:8o/")]
    [InlineData("http://ho st/")]
    [InlineData("http://host/a b")]
    [InlineData("http://host/caf\u00E9")]
    [InlineData("http://[::1/")]
    [InlineData("http://[zz::1]/")]
    [InlineData("http://[127.0.0.1]/")]
    [InlineData("http://[::1]x/")]
    [InlineData("http://us er@host/")]
    [InlineData(" http://host/")]
    public void AnythingButAnAbsoluteHttpUrlIsRefused(string text)
    {
        Assert.False(HttpUrl.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => HttpUrl.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
