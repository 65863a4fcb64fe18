using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <summary>
/// The bottom row: the keys that matter where the focus is ("F1 Help  F2 Session ..."), each
/// clickable, and at the right the latest message (a command's result, a search result).
/// </summary>
internal sealed class StatusLine : View
{
    private readonly TuiStyle _style;
    private IReadOnlyList<StatusKey> _keys = [];
    private string _message = string.Empty;
    private bool _messageIsError;

    public StatusLine(TuiStyle style)
    {
        _style = style ?? throw new ArgumentNullException(nameof(style));
        X = 0;
        Y = Pos.AnchorEnd(1);
        Width = Dim.Fill();
        Height = 1;
        CanFocus = false;
        SetScheme(style.Bar);
    }

    /// <summary>The keys shown.</summary>
    public IReadOnlyList<StatusKey> Keys => _keys;

    /// <summary>The message shown at the right.</summary>
    public string Message => _message;

    /// <summary>Replaces the keys.</summary>
    public void SetKeys(IReadOnlyList<StatusKey> keys)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        SetNeedsDraw();
    }

    /// <summary>Shows <paramref name="message"/> at the right (an error in the error style).</summary>
    public void SetMessage(string message, bool error = false)
    {
        _message = message ?? string.Empty;
        _messageIsError = error;
        SetNeedsDraw();
    }

    /// <summary>The row's text, for tests.</summary>
    internal string RowText(int width) => Layout(width).Text;

    /// <inheritdoc/>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = Painter.Normal(this);
        var hot = GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.HotNormal);
        var error = _style.NoColor ? normal with { Style = Terminal.Gui.Drawing.TextStyle.Bold | Terminal.Gui.Drawing.TextStyle.Reverse } : new Attribute(Terminal.Gui.Drawing.ColorName16.White, Terminal.Gui.Drawing.ColorName16.Red);
        var (_, spans) = Layout(Viewport.Width);
        Painter.Draw(this, 0, 0, Viewport.Width, spans, role => role switch
        {
            StyleRole.Hint => hot,
            StyleRole.Bad => error,
            _ => normal,
        }, normal);
        return true;
    }

    /// <inheritdoc/>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (!mouse.IsSingleClicked || mouse.Position is not { } at)
        {
            return false;
        }

        var x = 1;
        foreach (var key in _keys)
        {
            var width = key.Key.Length + 1 + key.Label.Length;
            if (at.X >= x && at.X < x + width)
            {
                key.Run?.Invoke();
                return true;
            }

            x += width + 2;
        }

        return true;
    }

    private (string Text, List<Span> Spans) Layout(int width)
    {
        var spans = new List<Span> { new(" ", StyleRole.Normal) };
        foreach (var key in _keys)
        {
            spans.Add(new Span(key.Key, StyleRole.Hint));
            spans.Add(new Span(" " + key.Label + "  ", StyleRole.Normal));
        }

        var used = spans.Sum(s => s.Text.Length);
        if (_message.Length > 0)
        {
            var room = Math.Max(0, width - used - 1);
            var message = Painter.Fit(_message, room, _style.Symbols.Ellipsis);
            if (room > 0)
            {
                spans.Add(new Span(new string(' ', Math.Max(0, room - message.Length)), StyleRole.Normal));
                spans.Add(new Span(message + " ", _messageIsError ? StyleRole.Bad : StyleRole.Normal));
            }
        }

        return (string.Concat(spans.Select(s => s.Text)), spans);
    }
}
