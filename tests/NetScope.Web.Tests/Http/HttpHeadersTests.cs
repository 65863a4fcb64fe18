using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http;

public sealed class HttpHeadersTests
{
    private static HttpHeaders Sample()
    {
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "text/html");
        headers.Add("Set-Cookie", "a=1");
        headers.Add("Connection", "keep-alive, Upgrade");
        headers.Add("set-cookie", "b=2");
        return headers;
    }

    [Fact]
    public void GetReturnsTheFirstValueWhateverTheCaseOfTheName()
    {
        var headers = Sample();

        Assert.Equal(("text/html", "a=1", null), (headers.Get("content-type"), headers.Get("SET-COOKIE"), headers.Get("Missing")));
    }

    [Fact]
    public void GetAllReturnsEveryValueInOrder()
    {
        Assert.Equal(["a=1", "b=2"], Sample().GetAll("Set-Cookie"));
        Assert.Empty(Sample().GetAll("Missing"));
    }

    [Fact]
    public void AddKeepsOrderAndOriginalCase()
    {
        Assert.Equal(
            ["Content-Type: text/html", "Set-Cookie: a=1", "Connection: keep-alive, Upgrade", "set-cookie: b=2"],
            Sample().Select(h => h.ToString()));
    }

    [Fact]
    public void SetReplacesAllLinesAtThePlaceOfTheFirst()
    {
        var headers = Sample();

        headers.Set("SET-COOKIE", "c=3");
        headers.Set("X-New", "n");

        Assert.Equal("Content-Type: text/html\r\nSET-COOKIE: c=3\r\nConnection: keep-alive, Upgrade\r\nX-New: n\r\n", headers.ToString());
    }

    [Fact]
    public void RemoveDeletesEveryLineOfTheName()
    {
        var headers = Sample();

        Assert.True(headers.Remove("set-cookie"));
        Assert.False(headers.Remove("set-cookie"));
        Assert.Equal(["Content-Type", "Connection"], headers.Select(h => h.Name));
        Assert.False(headers.Contains("Set-Cookie"));
        Assert.True(headers.Contains("CONNECTION"));
    }

    [Fact]
    public void ClearRemovesEverything()
    {
        var headers = Sample();

        headers.Clear();

        Assert.Empty(headers);
        Assert.Null(headers.Get("Content-Type"));
    }

    [Fact]
    public void TokenListsAreSplitOnCommasAndComparedCaseInsensitively()
    {
        var headers = Sample();
        headers.Add("Connection", ", close ,");

        Assert.True(headers.ContainsToken("connection", "UPGRADE"));
        Assert.True(headers.ContainsToken("Connection", "close"));
        Assert.False(headers.ContainsToken("Connection", "keep"));
        Assert.False(headers.ContainsToken("Missing", "close"));
        Assert.Equal(["keep-alive", "Upgrade", "close"], headers.GetTokens("Connection"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bad Name")]
    [InlineData("Name:")]
    [InlineData("Ünicode")]
    [InlineData("X\r\nInjected")]
    public void InvalidNamesAreRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => new HttpHeaders().Add(name, "v"));
        Assert.Throws<ArgumentException>(() => new HttpHeaders().Set(name, "v"));
    }

    [Theory]
    [InlineData("a\r\nInjected: yes")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("a\u007Fb")]
    [InlineData(" leading")]
    [InlineData("trailing\t")]
    [InlineData("euro \u20AC")]
    public void InvalidValuesAreRefused(string value)
    {
        Assert.Throws<ArgumentException>(() => new HttpHeaders().Add("X", value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a \t b")]
    [InlineData("caf\u00E9")]
    [InlineData("\"quoted\", list; q=0.5")]
    public void ValidValuesAreAccepted(string value)
    {
        var headers = new HttpHeaders();

        headers.Add("X", value);

        Assert.Equal(value, headers.Get("x"));
    }

    [Fact]
    public void IndexerChecksItsRange()
    {
        var headers = Sample();

        Assert.Equal(new HttpHeader("set-cookie", "b=2"), headers[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => headers[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => headers[-1]);
    }

    [Theory]
    [InlineData("!#$%&'*+-.^_`|~09AZaz", true)]
    [InlineData("a b", false)]
    [InlineData("a,b", false)]
    [InlineData("", false)]
    public void TokensAreRecognised(string text, bool isToken)
    {
        Assert.Equal(isToken, HttpSyntax.IsToken(text));
        Assert.Equal(isToken, HttpSyntax.IsToken(System.Text.Encoding.ASCII.GetBytes(text)));
    }
}
