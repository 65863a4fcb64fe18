using NetScope.Tui.Theme;
using NetScope.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Input;

/// <summary>
/// The command palette: type a few letters of any action (fuzzy: in order, anywhere), Up and
/// Down pick among the matches, Enter runs it, Esc closes.
/// </summary>
internal sealed class CommandPalette : Runnable
{
    private readonly IReadOnlyList<PaletteEntry> _all;
    private readonly TextField _filter = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly LinesPane _list;
    private IReadOnlyList<PaletteEntry> _shown = [];

    public CommandPalette(TuiStyle style, IReadOnlyList<PaletteEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(style);
        _all = entries ?? throw new ArgumentNullException(nameof(entries));
        Title = "Command palette (type to filter, Enter runs, Esc closes)";
        BorderStyle = LineStyle.Rounded;
        X = Pos.Center();
        Y = 2;
        Width = Dim.Percent(70);
        Height = Dim.Percent(60);
        SetScheme(style.Dialog);
        _list = new LinesPane(style) { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), Selectable = true, CanFocus = false };
        _list.SetScheme(style.Main);
        _list.EmptyText = StyledLine.Of("no action matches", StyleRole.Dim);
        Add(_filter, _list);
        _filter.ValueChanged += (_, _) => Refilter();
        _filter.KeyDown += (_, key) =>
        {
            if (key == Key.CursorDown || key == Key.CursorUp || key == Key.PageDown || key == Key.PageUp)
            {
                _list.ScrollBy(key == Key.CursorDown ? 1 : key == Key.CursorUp ? -1 : key == Key.PageDown ? 10 : -10);
                key.Handled = true;
            }
        };
        _filter.Accepting += (_, e) =>
        {
            e.Handled = true;
            Pick();
        };
        _list.LineActivated += (_, _) => Pick();
        Refilter();
        _filter.SetFocus();
    }

    /// <summary>The action picked, once Enter was pressed on one.</summary>
    public PaletteEntry? Picked { get; private set; }

    /// <summary>The actions shown, best match first.</summary>
    public IReadOnlyList<PaletteEntry> Shown => _shown;

    /// <summary>The filter field.</summary>
    public TextField Filter => _filter;

    private void Pick()
    {
        if (_list.CursorLine < _shown.Count)
        {
            Picked = _shown[_list.CursorLine];
        }

        RequestStop();
    }

    private void Refilter()
    {
        _shown = FuzzyMatch.Filter(_all, _filter.Text ?? string.Empty, e => e.Title);
        var width = _all.Count == 0 ? 0 : _all.Max(e => e.Title.Length) + 2;
        _list.SetLines(_shown.Select(e => new StyledLine([new Span(e.Title.PadRight(width), StyleRole.Normal), new Span(e.Keys, StyleRole.Hint)])).ToArray());
        _list.MoveCursor(0);
    }
}
