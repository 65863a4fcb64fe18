using NetScope.Tui.Input;

namespace NetScope.Tui.Tests;

public sealed class FuzzyMatchTests
{
    [Fact]
    public void CharactersMustAppearInOrderAnywhere()
    {
        Assert.True(FuzzyMatch.Score("nl", "New listener…") >= 0);
        Assert.Equal(-1, FuzzyMatch.Score("lw", "New listener…"));
        Assert.Equal(0, FuzzyMatch.Score(string.Empty, "anything"));
    }

    [Fact]
    public void WordStartsAndRunsRankFirst()
    {
        string[] titles = ["Show the Loop tab", "Line ending LF", "New listener…", "New session…"];
        Assert.Equal(["New session…", "New listener…"], FuzzyMatch.Filter(titles, "ns", t => t));
        Assert.Equal("Show the Loop tab", FuzzyMatch.Filter(titles, "loop", t => t)[0]);
        Assert.Equal("Start TLS on the selected session", FuzzyMatch.Filter(["Type into the selected session", "Start TLS on the selected session"], "tls", t => t)[0]);
    }
}
