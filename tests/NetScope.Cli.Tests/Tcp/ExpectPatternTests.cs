using System.Text.RegularExpressions;
using NetScope.Cli.Streams;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// The rewrite that lets <c>$</c> in an <c>--expect</c> pattern match before CRLF: only an anchor is rewritten,
/// never an escaped dollar or one inside a character class.
/// </summary>
public sealed class ExpectPatternTests
{
    [Theory]
    [InlineData("ok$", @"ok(?=\r?$)")]
    [InlineData(@"^250 ok$|^421$", @"^250 ok(?=\r?$)|^421(?=\r?$)")]
    [InlineData(@"costs \$5", @"costs \$5")]
    [InlineData(@"\\$", @"\\(?=\r?$)")]
    [InlineData("[$]x", "[$]x")]
    [InlineData("[]$]$", @"[]$](?=\r?$)")]
    [InlineData("[^]$]", "[^]$]")]
    [InlineData("no anchor", "no anchor")]
    public void OnlyAnchoringDollarsAreRewritten(string pattern, string rewritten)
    {
        Assert.Equal(rewritten, StreamOptions.LineEndsBeforeCarriageReturn(pattern));
    }

    [Theory]
    [InlineData("250 ok\r\n", true)]
    [InlineData("250 ok\n", true)]
    [InlineData("250 ok", true)]
    [InlineData("250 ok\r", true)]
    [InlineData("250 okay\r\n", false)]
    [InlineData("250 ok \r\n", false)]
    public void ADollarMatchesAtTheEndOfALineWhateverItsEnding(string received, bool matches)
    {
        var pattern = new Regex(StreamOptions.LineEndsBeforeCarriageReturn("^250 ok$"), RegexOptions.Multiline);

        Assert.Equal(matches, pattern.IsMatch(received));
    }
}
