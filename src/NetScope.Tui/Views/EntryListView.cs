using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// The sessions and listeners: one row each, a listener followed by the connections it accepted
/// (collapsible). The selection follows the entry, not the row number, as rows come and go; only
/// the visible rows are drawn, so a thousand sessions cost a screenful.
/// </summary>
internal sealed partial class EntryListView : View
{
    private readonly TuiStyle _style;
    private readonly HashSet<long> _collapsed = new();
    private IReadOnlyList<EntryRow> _rows = [];
    private List<ShownRow> _visible = new();
    private double _now;
    private long? _selectedId;
    private int _top;

    public EntryListView(TuiStyle style)
    {
        _style = style ?? throw new ArgumentNullException(nameof(style));
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>Raised when another entry is selected (or none).</summary>
    public event EventHandler<long?>? SelectionChanged;

    /// <summary>Raised on Enter or a double click on a session row.</summary>
    public event EventHandler<EntryRow>? EntryActivated;

    /// <summary>The selected entry.</summary>
    public long? SelectedId => _selectedId;

    /// <summary>The selected entry's row.</summary>
    public EntryRow? SelectedRow => _selectedId is { } id ? _visible.Find(v => v.Row.Id == id)?.Row : null;

    /// <summary>Rows shown (collapsed listeners hide theirs).</summary>
    public int VisibleCount => _visible.Count;

    /// <summary>The first row drawn.</summary>
    public int Top => _top;

    /// <summary>Shows <paramref name="rows"/> as of workspace time <paramref name="now"/>; selects the first row when nothing is selected.</summary>
    public void Show(IReadOnlyList<EntryRow> rows, double now)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // The same rows (the table caches its array until a row changes) at the same whole second
        // (ages are shown in seconds), or no rows at all, draw the same: nothing to redraw.
        if (ReferenceEquals(rows, _rows) && (rows.Count == 0 || Math.Floor(now) == Math.Floor(_now)))
        {
            return;
        }

        _rows = rows;
        _now = now;
        Rebuild();
        if (_selectedId is null || Index(_selectedId.Value) < 0)
        {
            Select(_visible.Count > 0 ? _visible[0].Row.Id : null);
        }

        SetNeedsDraw();
    }

    /// <summary>Selects entry <paramref name="id"/> (expanding its listener) and scrolls it into view.</summary>
    public void Select(long? id)
    {
        if (id is { } wanted && _rows.FirstOrDefault(r => r.Id == wanted) is { ListenerId: { } parent } && _collapsed.Remove(parent))
        {
            Rebuild();
        }

        var changed = id != _selectedId;
        _selectedId = id is { } target && Index(target) >= 0 ? target : null;
        ScrollIntoView();
        SetNeedsDraw();
        if (changed || _selectedId != id)
        {
            SelectionChanged?.Invoke(this, _selectedId);
        }
    }

    /// <summary>Shows or hides the connections of the selected listener (or of the listener of the selected connection).</summary>
    public void ToggleExpanded()
    {
        if (SelectedRow is not { } row)
        {
            return;
        }

        var listener = row.IsListener ? row.Id : row.ListenerId;
        if (listener is not { } id)
        {
            return;
        }

        if (!_collapsed.Add(id))
        {
            _collapsed.Remove(id);
        }

        Rebuild();
        Select(id);
    }

    /// <summary>Moves the selection by <paramref name="rows"/>.</summary>
    public void MoveBy(int rows)
    {
        if (_visible.Count == 0)
        {
            return;
        }

        var index = _selectedId is { } id ? Index(id) : 0;
        Select(_visible[Math.Clamp(index + rows, 0, _visible.Count - 1)].Row.Id);
    }

    /// <inheritdoc/>
    protected override bool OnKeyDown(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 2);
        if (key == Key.CursorUp)
        {
            MoveBy(-1);
        }
        else if (key == Key.CursorDown)
        {
            MoveBy(1);
        }
        else if (key == Key.PageUp)
        {
            MoveBy(-page);
        }
        else if (key == Key.PageDown)
        {
            MoveBy(page);
        }
        else if (key == Key.Home)
        {
            MoveBy(-_visible.Count);
        }
        else if (key == Key.End)
        {
            MoveBy(_visible.Count);
        }
        else if (key == Key.Space || (key == Key.CursorRight && IsCollapsedListener()) || (key == Key.CursorLeft && IsExpandedListener()))
        {
            ToggleExpanded();
        }
        else if (key == Key.CursorLeft && SelectedRow is { ListenerId: { } parent })
        {
            Select(parent);
        }
        else if (key == Key.Enter && SelectedRow is { } row)
        {
            if (row.IsListener)
            {
                ToggleExpanded();
            }
            else
            {
                EntryActivated?.Invoke(this, row);
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <inheritdoc/>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp) || mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            _top = Math.Clamp(_top + (mouse.Flags.HasFlag(MouseFlags.WheeledUp) ? -3 : 3), 0, Math.Max(0, _visible.Count - Rows));
            SetNeedsDraw();
            return true;
        }

        if (mouse.Position is not { } at || !(mouse.IsSingleClicked || mouse.IsDoubleClicked))
        {
            return false;
        }

        SetFocus();
        var index = _top + at.Y - HeaderRows;
        if (at.Y < HeaderRows || index >= _visible.Count)
        {
            return true;
        }

        var row = _visible[index].Row;
        Select(row.Id);
        if (row.IsListener && (mouse.IsDoubleClicked || at.X <= 1))
        {
            ToggleExpanded();
        }
        else if (!row.IsListener && mouse.IsDoubleClicked)
        {
            EntryActivated?.Invoke(this, row);
        }

        return true;
    }

    /// <inheritdoc/>
    protected override void OnFrameChanged(in System.Drawing.Rectangle frame)
    {
        base.OnFrameChanged(frame);
        ScrollIntoView();
    }

    private int Rows => Math.Max(1, Viewport.Height - HeaderRows);

    private bool IsCollapsedListener() => SelectedRow is { IsListener: true } row && _collapsed.Contains(row.Id);

    private bool IsExpandedListener() => SelectedRow is { IsListener: true } row && !_collapsed.Contains(row.Id);

    private int Index(long id) => _visible.FindIndex(v => v.Row.Id == id);

    private void ScrollIntoView()
    {
        if (_selectedId is not { } id || Index(id) is var index && index < 0)
        {
            _top = Math.Clamp(_top, 0, Math.Max(0, _visible.Count - Rows));
            return;
        }

        if (index < _top)
        {
            _top = index;
        }
        else if (index >= _top + Rows)
        {
            _top = index - Rows + 1;
        }
    }

    /// <summary>Lays the rows out as the list shows them: top-level entries by number, each listener followed by its connections.</summary>
    private void Rebuild()
    {
        var children = _rows.Where(r => r.ListenerId is not null).ToLookup(r => r.ListenerId!.Value);
        var listeners = _rows.Where(r => r.IsListener).Select(r => r.Id).ToHashSet();
        var visible = new List<ShownRow>(_rows.Count);
        foreach (var row in _rows)
        {
            if (row.ListenerId is { } parent && listeners.Contains(parent))
            {
                continue;
            }

            var accepted = children[row.Id].ToArray();
            visible.Add(new ShownRow(row, 0, accepted.Length, false));
            if (row.IsListener && !_collapsed.Contains(row.Id))
            {
                visible.AddRange(accepted.Select((c, i) => new ShownRow(c, 1, 0, i == accepted.Length - 1)));
            }
        }

        _visible = visible;
    }

    private sealed record ShownRow(EntryRow Row, int Depth, int Children, bool LastChild);
}
