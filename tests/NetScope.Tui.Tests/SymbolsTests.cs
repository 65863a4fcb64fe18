using NetScope.Tui.Theme;

namespace NetScope.Tui.Tests;

public sealed class SymbolsTests
{
    [Fact]
    public void TreeLinesFallBackToAsciiWhereTheStateSymbolsDo()
    {
        var tree = "#4 stream connected\n├─ cb  connected\n│  └─ eb  failed\n└─ cb  done";

        Assert.Same(Symbols.Ascii, Symbols.For("linux"));
        Assert.Equal("#4 stream connected\n|- cb  connected\n|  `- eb  failed\n`- cb  done", Symbols.Ascii.TreeLines(tree));
        Assert.Equal(tree, Symbols.Unicode.TreeLines(tree));
        Assert.All(Symbols.Ascii.Tree, c => Assert.True(c < 128));
    }
}
