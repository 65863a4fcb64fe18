using NetScope.Sessions.Formatting;
using NetScope.Sessions.Transcripts;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <content>Drawing the visible lines: time, direction, and the data as text or hex.</content>
internal sealed partial class TranscriptView
{
    /// <summary>Cells before the data: "HH:mm:ss.fff → ".</summary>
    public const int PrefixWidth = 15;

    /// <summary>How many transcript lines the last draw read (the visible ones only).</summary>
    internal int LinesReadForLastDraw { get; private set; }

    /// <summary>The visible text of a line's data (what search matches and what is drawn after the prefix).</summary>
    public static string ContentText(in TranscriptLine line, TranscriptMode mode) => line.Kind switch
    {
        TranscriptLineKind.Data when mode == TranscriptMode.Hex => HexDump.FormatLine(line.Bytes.Span, line.Offset),
        TranscriptLineKind.Data => VisibleText.Plain(line.Bytes.Span),
        _ => line.Text ?? string.Empty,
    };

    /// <summary>The whole line as drawn <paramref name="width"/> cells wide (no colours), for tests.</summary>
    internal string LineText(in TranscriptLine line, int width) =>
        string.Concat(LineSpans(line, []).Select(s => s.Text)).PadRight(width)[..width];

    /// <inheritdoc/>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = Painter.Normal(this);
        var width = Viewport.Width;
        var height = Viewport.Height;
        Attribute Role(StyleRole role) => _style.For(role, normal);
        Reanchor();
        Pin();
        _scratch.Clear();
        _buffer?.GetLines(Mode, _top, height, _scratch);
        LinesReadForLastDraw = _scratch.Count;
        var empty = _buffer is null ? Wrap(EmptyText, width) : [];
        for (var row = 0; row < height; row++)
        {
            if (row >= _scratch.Count)
            {
                var spans = row < empty.Count ? [new Span(empty[row], StyleRole.Hint)]
                    : _buffer is { } b && row == 0 && _scratch.Count == 0 ? [new Span(b.Started ? "no data yet" : "loading…", StyleRole.Dim)]
                    : Array.Empty<Span>();
                Painter.Draw(this, 0, row, width, spans, Role, normal);
                continue;
            }

            var line = _scratch[row];
            var matches = Matches(line);
            var drawn = LineSpans(line, matches);
            if (line.Kind == TranscriptLineKind.Dropped)
            {
                var marker = _style.For(StyleRole.Dropped, normal);
                Painter.Draw(this, 0, row, width, drawn, _ => marker, marker);
                continue;
            }

            Painter.Draw(this, 0, row, Math.Min(width, PrefixWidth), drawn.Take(2), Role, normal);
            Painter.Draw(this, PrefixWidth, row, width - PrefixWidth, drawn.Skip(2), Role, normal, _scrollX);
        }

        return true;
    }

    /// <summary>Breaks <paramref name="text"/> into rows of at most <paramref name="width"/> cells, at spaces where it can.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var rows = new List<string>();
        var rest = text;
        while (width > 0 && rest.Length > width)
        {
            var cut = rest.LastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            rows.Add(rest[..cut]);
            rest = rest[cut..].TrimStart();
        }

        rows.Add(rest);
        return rows;
    }

    /// <summary>The runs of a line: time, direction glyph, then the content (highlighted where it matches the search).</summary>
    private List<Span> LineSpans(in TranscriptLine line, IReadOnlyList<(int Start, int Length)> matches)
    {
        var symbols = _style.Symbols;
        if (line.Kind == TranscriptLineKind.Dropped)
        {
            return [new Span(new string(symbols.Ellipsis, 3) + " " + line.Text + " " + new string(symbols.Ellipsis, 3), StyleRole.Dropped)];
        }

        var time = line.First ? _clock.Format(line.Time) : new string(' ', 12);
        var (arrow, role) = line.Direction switch
        {
            Direction.Sent => (symbols.Sent, StyleRole.Sent),
            Direction.Received => (symbols.Received, StyleRole.Received),
            _ => (symbols.Note, StyleRole.Note),
        };
        var spans = new List<Span> { new(time + " ", StyleRole.Time), new(arrow + " ", role) };
        var content = line.Kind switch
        {
            TranscriptLineKind.Data when Mode == TranscriptMode.Hex => [new Span(HexDump.FormatLine(line.Bytes.Span, line.Offset), role)],
            TranscriptLineKind.Data => VisibleText.Spans(line.Bytes.Span, role),
            _ => [new Span(line.Text ?? string.Empty, StyleRole.Note)],
        };
        spans.AddRange(VisibleText.Highlight(content, matches, StyleRole.SearchHit));
        return spans;
    }
}
