using NetScope.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <summary>
/// A scrollable pane of styled lines: the detail tabs, the log, help and the palette are all one.
/// Only the visible lines are drawn. With <see cref="Selectable"/> a cursor row picks a line; with
/// <see cref="FollowTail"/> the pane stays at the bottom until the user scrolls up.
/// </summary>
internal class LinesPane : View
{
    private IReadOnlyList<StyledLine> _lines = [];
    private int _top;
    private int _cursor;
    private int _scrollX;
    private bool _following = true;

    public LinesPane(TuiStyle style)
    {
        Style = style ?? throw new ArgumentNullException(nameof(style));
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>Raised when the cursor moves to another line (selectable panes).</summary>
    public event EventHandler<int>? CursorChanged;

    /// <summary>Raised on Enter or a double click on a line (selectable panes).</summary>
    public event EventHandler<int>? LineActivated;

    /// <summary>The colours and glyphs.</summary>
    public TuiStyle Style { get; }

    /// <summary>A cursor row picks a line.</summary>
    public bool Selectable { get; init; }

    /// <summary>Stay at the last line while the user has not scrolled up.</summary>
    public bool FollowTail { get; init; }

    /// <summary>What the pane says when it has no lines.</summary>
    public StyledLine? EmptyText { get; set; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<StyledLine> Lines => _lines;

    /// <summary>The first visible line.</summary>
    public int Top => _top;

    /// <summary>Columns scrolled to the right.</summary>
    public int ScrollX => _scrollX;

    /// <summary>The cursor's line (selectable panes).</summary>
    public int CursorLine => _cursor;

    /// <summary>Replaces the lines, keeping the scroll position (and the tail, when following).</summary>
    public void SetLines(IReadOnlyList<StyledLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (SameContent(lines, _lines))
        {
            // A frame that changed nothing in this pane must not cost the terminal a repaint.
            return;
        }

        _lines = lines;
        var cursor = Math.Clamp(_cursor, 0, Math.Max(0, _lines.Count - 1));
        if (FollowTail && _following)
        {
            _top = Math.Max(0, _lines.Count - Math.Max(1, Viewport.Height));
        }

        _top = Math.Clamp(_top, 0, Math.Max(0, _lines.Count - 1));
        MoveCursor(cursor);
        SetNeedsDraw();
    }

    private static bool SameContent(IReadOnlyList<StyledLine> a, IReadOnlyList<StyledLine> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i]) && !a[i].Spans.SequenceEqual(b[i].Spans))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves the cursor to <paramref name="line"/> and scrolls it into view.</summary>
    public void MoveCursor(int line)
    {
        var target = Math.Clamp(line, 0, Math.Max(0, _lines.Count - 1));
        var height = Math.Max(1, Viewport.Height);
        if (Selectable)
        {
            if (target < _top)
            {
                _top = target;
            }
            else if (target >= _top + height)
            {
                _top = target - height + 1;
            }
        }

        if (target != _cursor)
        {
            _cursor = target;
            CursorChanged?.Invoke(this, target);
        }

        SetNeedsDraw();
    }

    /// <summary>Scrolls by <paramref name="rows"/> (negative: up), moving the cursor along on selectable panes.</summary>
    public void ScrollBy(int rows)
    {
        if (Selectable)
        {
            MoveCursor(_cursor + rows);
            return;
        }

        var height = Math.Max(1, Viewport.Height);
        _top = Math.Clamp(_top + rows, 0, Math.Max(0, _lines.Count - height));
        _following = _top >= _lines.Count - height;
        SetNeedsDraw();
    }

    /// <inheritdoc/>
    protected override bool OnKeyDown(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 1);
        if (key == Key.CursorUp)
        {
            ScrollBy(-1);
        }
        else if (key == Key.CursorDown)
        {
            ScrollBy(1);
        }
        else if (key == Key.PageUp)
        {
            ScrollBy(-page);
        }
        else if (key == Key.PageDown)
        {
            ScrollBy(page);
        }
        else if (key == Key.Home)
        {
            ScrollBy(-_lines.Count);
        }
        else if (key == Key.End)
        {
            ScrollBy(_lines.Count);
            _following = true;
        }
        else if (key == Key.CursorLeft || key == Key.CursorRight)
        {
            _scrollX = Math.Max(0, _scrollX + (key == Key.CursorLeft ? -8 : 8));
            SetNeedsDraw();
        }
        else if (key == Key.Enter && Selectable && _lines.Count > 0)
        {
            LineActivated?.Invoke(this, _cursor);
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
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp))
        {
            ScrollBy(-3);
            return true;
        }

        if (mouse.Flags.HasFlag(MouseFlags.WheeledDown))
        {
            ScrollBy(3);
            return true;
        }

        if (mouse.Position is { } at && (mouse.IsSingleClicked || mouse.IsDoubleClicked) && Selectable)
        {
            SetFocus();
            var line = _top + at.Y;
            if (line < _lines.Count)
            {
                MoveCursor(line);
                if (mouse.IsDoubleClicked)
                {
                    LineActivated?.Invoke(this, line);
                }
            }

            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    protected override void OnFrameChanged(in System.Drawing.Rectangle frame)
    {
        base.OnFrameChanged(frame);
        if (FollowTail && _following)
        {
            _top = Math.Max(0, _lines.Count - Math.Max(1, frame.Height));
        }
    }

    /// <inheritdoc/>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = Painter.Normal(this);
        var width = Viewport.Width;
        Attribute Role(StyleRole role) => Style.For(role, normal);
        for (var row = 0; row < Viewport.Height; row++)
        {
            var index = _top + row;
            if (_lines.Count == 0 && row == 0 && EmptyText is { } empty)
            {
                Painter.Draw(this, 0, row, width, empty.Spans, Role, normal);
                continue;
            }

            if (index >= _lines.Count)
            {
                Painter.Draw(this, 0, row, width, [], Role, normal);
                continue;
            }

            if (Selectable && index == _cursor)
            {
                var selected = HasFocus ? GetAttributeForRole(VisualRole.Focus) : Style.For(StyleRole.Selected, normal);
                Painter.Draw(this, 0, row, width, _lines[index].Spans, _ => selected, selected, _scrollX);
                continue;
            }

            Painter.Draw(this, 0, row, width, _lines[index].Spans, Role, normal, _scrollX);
        }

        return true;
    }
}
