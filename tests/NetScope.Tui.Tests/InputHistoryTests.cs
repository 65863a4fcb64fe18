using NetScope.Tui.Input;

namespace NetScope.Tui.Tests;

public sealed class InputHistoryTests
{
    [Fact]
    public void UpWalksBackThroughWhatWasSentAndDownReturnsToTheDraft()
    {
        var history = new InputHistory();
        history.Add("one");
        history.Add("two");
        history.Add("two");

        Assert.Equal("two", history.Previous("draft"));
        Assert.Equal("one", history.Previous("two"));
        Assert.Equal("one", history.Previous("one"));
        Assert.Equal("two", history.Next());
        Assert.Equal("draft", history.Next());
        Assert.Equal("draft", history.Next());
        Assert.Equal(["one", "two"], history.Lines);
    }

    [Fact]
    public void HistoryKeepsOnlyTheNewestLines()
    {
        var history = new InputHistory(capacity: 3);
        foreach (var line in new[] { "a", "b", "c", "d" })
        {
            history.Add(line);
        }

        Assert.Equal(["b", "c", "d"], history.Lines);
    }
}
