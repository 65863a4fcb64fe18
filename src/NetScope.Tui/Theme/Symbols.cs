namespace NetScope.Tui.Theme;

/// <summary>
/// The symbols the TUI draws. States are told apart by symbol as well as colour, so they survive
/// monochrome terminals and colour blindness; terminals that cannot draw them get ASCII.
/// </summary>
/// <param name="Connecting">A session connecting, a listener starting.</param>
/// <param name="Open">A session open.</param>
/// <param name="Secure">A session open over TLS.</param>
/// <param name="Closing">A session flushing before it closes.</param>
/// <param name="Closed">A session closed, a listener stopped.</param>
/// <param name="Failed">A session or listener failed.</param>
/// <param name="Listening">A listener accepting.</param>
/// <param name="Expanded">A listener whose connections are shown.</param>
/// <param name="Collapsed">A listener whose connections are hidden.</param>
/// <param name="Sent">Before data this side sent.</param>
/// <param name="Received">Before data the peer sent.</param>
/// <param name="Note">Before a transcript note.</param>
/// <param name="Ellipsis">Where text was cut.</param>
/// <param name="Bars">Sparkline levels, lowest first (the first is empty).</param>
/// <param name="Tree">Tree lines: a branch, the last branch, a vertical line, a horizontal line.</param>
internal sealed record Symbols(
    char Connecting,
    char Open,
    char Secure,
    char Closing,
    char Closed,
    char Failed,
    char Listening,
    char Expanded,
    char Collapsed,
    char Sent,
    char Received,
    char Note,
    char Ellipsis,
    string Bars,
    string Tree)
{
    /// <summary>Geometric shapes, arrows and block elements (one cell each).</summary>
    public static Symbols Unicode { get; } = new('◌', '●', '◆', '◐', '○', '×', '◉', '▾', '▸', '→', '←', '·', '…', " ▁▂▃▄▅▆▇█", "├└│─");

    /// <summary>Plain ASCII, for terminals without those symbols.</summary>
    public static Symbols Ascii { get; } = new('~', '*', '#', '-', 'o', 'x', '@', 'v', '>', '>', '<', '.', '~', " .:-=+*#@", "|`|-");

    /// <summary>Redraws <paramref name="text"/>'s tree lines (drawn with the Unicode ones) in these symbols.</summary>
    public string TreeLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Tree == Unicode.Tree)
        {
            return text;
        }

        var unicode = Unicode.Tree;
        return string.Create(text.Length, (text, unicode, Tree), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.text[i];
                var at = state.unicode.IndexOf(c, StringComparison.Ordinal);
                span[i] = at >= 0 ? state.Tree[at] : c;
            }
        });
    }

    /// <summary>The symbols for a terminal of type <paramref name="term"/> (<c>$TERM</c>): ASCII for the Linux console and dumb terminals.</summary>
    public static Symbols For(string? term) =>
        term is "dumb" or "linux" or "vt100" or "vt102" or "vt220" ? Ascii : Unicode;
}
