using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <summary>
/// The detail pane: a row of tab names and the selected tab below it. Only the selected tab is
/// brought up to date, when a frame arrives or it is selected. Tabs are switched with <c>[</c>
/// and <c>]</c>, Alt+1 to Alt+9, or a click on their name.
/// </summary>
internal sealed class DetailTabs : View
{
    private readonly TuiStyle _style;
    private readonly TabRow _header;
    private ModelFrame _frame = ModelFrame.Empty;
    private int _selected;

    public DetailTabs(TuiStyle style, IReadOnlyList<IDetailTab> tabs)
    {
        _style = style ?? throw new ArgumentNullException(nameof(style));
        Tabs = tabs ?? throw new ArgumentNullException(nameof(tabs));
        Width = Dim.Fill();
        Height = Dim.Fill();

        // A view that cannot take the focus hides its subviews from Tab and from keys: without
        // this the selected tab never had the focus, so its keys and scrolling never reached it.
        CanFocus = true;
        _header = new TabRow(this) { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        Add(_header);
        foreach (var tab in tabs)
        {
            tab.View.X = 0;
            tab.View.Y = 1;
            tab.View.Width = Dim.Fill();
            tab.View.Height = Dim.Fill();
            tab.View.Visible = false;
            Add(tab.View);
        }

        Select(0);
    }

    /// <summary>Raised when another tab is selected.</summary>
    public event EventHandler<IDetailTab>? TabChanged;

    /// <summary>The tabs, in order.</summary>
    public IReadOnlyList<IDetailTab> Tabs { get; }

    /// <summary>The selected tab.</summary>
    public IDetailTab Current => Tabs[_selected];

    /// <summary>The selected tab's position.</summary>
    public int SelectedIndex => _selected;

    /// <summary>Selects tab <paramref name="index"/> (wrapping around) and brings it up to date.</summary>
    public void Select(int index)
    {
        var next = ((index % Tabs.Count) + Tabs.Count) % Tabs.Count;
        var hadFocus = Current.View.HasFocus;
        Current.View.Visible = false;
        _selected = next;
        Current.View.Visible = true;
        Current.Show(_frame);
        if (hadFocus)
        {
            Current.View.SetFocus();
        }

        _header.SetNeedsDraw();
        TabChanged?.Invoke(this, Current);
    }

    /// <summary>Selects the tab titled <paramref name="title"/>; returns false if there is none.</summary>
    public bool Select(string title)
    {
        var index = Tabs.ToList().FindIndex(t => string.Equals(t.Title, title, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        Select(index);
        return true;
    }

    /// <summary>Shows <paramref name="frame"/> in the selected tab.</summary>
    public void Show(ModelFrame frame)
    {
        _frame = frame ?? throw new ArgumentNullException(nameof(frame));
        Current.Show(frame);
    }

    /// <summary>The header text, for tests: each title, the selected one in brackets.</summary>
    internal string HeaderText() => string.Concat(Tabs.Select((t, i) => i == _selected ? $"[{t.Title}]" : $" {t.Title} "));

    /// <summary>The row of tab names; a click selects one.</summary>
    private sealed class TabRow : View
    {
        private readonly DetailTabs _owner;

        public TabRow(DetailTabs owner)
        {
            _owner = owner;
        }

        protected override bool OnDrawingContent(DrawContext? context)
        {
            var normal = Painter.Normal(this);
            var spans = new List<Span>();
            for (var i = 0; i < _owner.Tabs.Count; i++)
            {
                var title = _owner.Tabs[i].Title;
                spans.Add(i == _owner._selected ? new Span($"[{title}]", StyleRole.Selected) : new Span($" {title} ", StyleRole.Dim));
            }

            Attribute Role(StyleRole role) => _owner._style.For(role, normal);
            Painter.Draw(this, 0, 0, Viewport.Width, spans, Role, normal);
            return true;
        }

        protected override bool OnMouseEvent(Mouse mouse)
        {
            ArgumentNullException.ThrowIfNull(mouse);
            if (!mouse.IsSingleClicked || mouse.Position is not { } at)
            {
                return false;
            }

            var x = 0;
            for (var i = 0; i < _owner.Tabs.Count; i++)
            {
                var width = _owner.Tabs[i].Title.Length + 2;
                if (at.X >= x && at.X < x + width)
                {
                    _owner.Select(i);
                    _owner.Current.View.SetFocus();
                    return true;
                }

                x += width;
            }

            return true;
        }
    }
}
