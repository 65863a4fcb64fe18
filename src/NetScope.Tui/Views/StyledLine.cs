using System.Text;
using NetScope.Tui.Theme;

namespace NetScope.Tui.Views;

/// <summary>A line of a pane: runs of text, each in its role.</summary>
internal sealed record StyledLine(IReadOnlyList<Span> Spans)
{
    /// <summary>An empty line.</summary>
    public static StyledLine Blank { get; } = new([]);

    /// <summary>The whole text, without styles.</summary>
    public string Text => Spans.Count == 1 ? Spans[0].Text : string.Concat(Spans.Select(s => s.Text));

    /// <summary>A line of one run.</summary>
    public static StyledLine Of(string text, StyleRole role = StyleRole.Normal) => new([new Span(text, role)]);

    /// <summary>"name ........ value": a label padded to <paramref name="width"/>, then the value in its role.</summary>
    public static StyledLine Field(string name, string value, int width = 16, StyleRole valueRole = StyleRole.Normal) =>
        new([new Span(name.PadRight(width), StyleRole.Dim), new Span(value, valueRole)]);

    /// <summary>The text of <paramref name="lines"/>, one per line (for tests and search).</summary>
    public static string Join(IEnumerable<StyledLine> lines) =>
        lines.Aggregate(new StringBuilder(), (b, l) => b.Append(l.Text).Append('\n')).ToString();
}
