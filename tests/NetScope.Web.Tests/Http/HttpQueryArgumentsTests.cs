using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http;

public sealed class HttpQueryArgumentsTests
{
    private static string Describe(HttpQueryArguments arguments) =>
        string.Join(" ", arguments.Select(pair => $"{pair.Key}=[{string.Join(",", pair.Value)}]"));

    [Theory]
    [InlineData("a=1&b=2&a=3", "a=[1,3] b=[2]")]
    [InlineData("flag&x=", "flag=[] x=[]")]
    [InlineData("a=1&&b=2&", "a=[1] b=[2]")]
    [InlineData("q=hello+world&r=a%2Bb%26c%3Dd", "q=[hello world] r=[a+b&c=d]")]
    [InlineData("caf%C3%A9=%E2%82%AC", "café=[€]")]
    [InlineData("bad=%zz%4&x=%C0", "bad=[%zz%4] x=[\uFFFD]")]
    [InlineData("a=b=c", "a=[b=c]")]
    [InlineData("=v", "=[v]")]
    [InlineData("", "")]
    public void ArgumentsKeepFirstAppearanceOrderAndEveryValue(string query, string expected)
    {
        Assert.Equal(expected, Describe(HttpQueryArguments.Parse(query)));
    }

    [Fact]
    public void LookupsReturnValuesInOrder()
    {
        var arguments = HttpQueryArguments.Parse("z=1&a=2&z=3");

        Assert.Equal(["z", "a"], arguments.Names);
        Assert.Equal(["1", "3"], arguments["z"]);
        Assert.Empty(arguments["missing"]);
        Assert.Equal(("1", null), (arguments.GetFirst("z"), arguments.GetFirst("missing")));
        Assert.True(arguments.Contains("a"));
        Assert.False(arguments.Contains("A"));
        Assert.Equal(2, arguments.Count);
    }
}
