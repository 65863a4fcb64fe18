using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// The Deferreds tab: the live chain trees of the selected entry, pending ones with their age,
/// failures highlighted. The cursor picks a Deferred; <c>c</c> (or Delete) cancels it while it is pending.
/// </summary>
internal sealed class DeferredsPane : LinesPane, IDetailTab
{
    private IReadOnlyList<DeferredRow> _rows = [];
    private long? _selectedDeferred;

    public DeferredsPane(TuiStyle style)
        : base(style)
    {
        Title = "Deferreds";
        Selectable = true;
        EmptyText = StyledLine.Of("no Deferreds observed for this entry", StyleRole.Dim);
        CursorChanged += (_, line) => _selectedDeferred = line < _rows.Count ? _rows[line].DeferredId : null;
    }

    /// <summary>Asks to cancel a Deferred (the main window sends the command).</summary>
    public event EventHandler<long>? CancelRequested;

    /// <inheritdoc/>
    public View View => this;

    /// <inheritdoc/>
    public IReadOnlyList<(string Key, string Action)> Keys => [("↑↓", "Select"), ("c", "Cancel pending")];

    /// <summary>The rows shown.</summary>
    public IReadOnlyList<DeferredRow> Rows => _rows;

    /// <summary>The Deferred under the cursor, if any.</summary>
    public DeferredRow? SelectedRow => CursorLine < _rows.Count ? _rows[CursorLine] : null;

    /// <inheritdoc/>
    public void Show(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Show(frame.Detail?.Deferreds ?? []);
    }

    /// <summary>Shows <paramref name="rows"/>, keeping the cursor on the same Deferred.</summary>
    public void Show(IReadOnlyList<DeferredRow> rows)
    {
        var keep = _selectedDeferred;
        _rows = rows;
        SetLines(rows.Select(r => StyledLine.Of(Style.Symbols.TreeLines(r.Text), RoleOf(r))).ToArray());
        if (keep is { } id && rows.ToList().FindIndex(r => r.DeferredId == id && r.IsHeader) is var index && index >= 0)
        {
            MoveCursor(index);
        }
        else
        {
            _selectedDeferred = SelectedRow?.DeferredId;
        }
    }

    /// <summary>Cancels the Deferred under the cursor if it is pending; returns what happened, in one line.</summary>
    public string CancelSelected()
    {
        if (SelectedRow is not { } row)
        {
            return "no Deferred selected";
        }

        if (!row.Cancellable)
        {
            return $"Deferred #{row.DeferredId} has fired already: only pending ones can be cancelled";
        }

        CancelRequested?.Invoke(this, row.DeferredId);
        return $"cancelling Deferred #{row.DeferredId}";
    }

    /// <inheritdoc/>
    protected override bool OnKeyDown(Key key)
    {
        if (key == new Key('c') || key == Key.Delete)
        {
            StatusMessage?.Invoke(this, CancelSelected());
            return true;
        }

        return base.OnKeyDown(key);
    }

    /// <summary>Raised with a one-line result for the status line.</summary>
    public event EventHandler<string>? StatusMessage;

    private static StyleRole RoleOf(DeferredRow row) => row.Tone switch
    {
        DeferredTone.Failed => StyleRole.Bad,
        DeferredTone.Pending => StyleRole.Waiting,
        DeferredTone.Quiet => StyleRole.Dim,
        _ => row.IsHeader ? StyleRole.Heading : StyleRole.Normal,
    };
}
