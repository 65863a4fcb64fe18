using System.Globalization;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// The selected session's transcript: sent and received data in their colours with timestamps,
/// as text (control bytes as escapes) or as a hex dump, toggled with one key. It follows the tail
/// until the user scrolls up, and draws only the visible lines, whatever the transcript holds.
/// </summary>
internal sealed partial class TranscriptView : View
{
    private readonly TuiStyle _style;
    private readonly List<TranscriptLine> _scratch = new();
    private TranscriptBuffer? _buffer;
    private long _shownVersion = long.MinValue;
    private string _emptyText = "nothing selected";
    private ModelClock _clock = ModelClock.Epoch;
    private long _top;
    private long _origin;
    private int _scrollX;
    private bool _following = true;

    public TranscriptView(TuiStyle style)
    {
        _style = style ?? throw new ArgumentNullException(nameof(style));
        CanFocus = true;
        Width = Dim.Fill();
        Height = Dim.Fill();
    }

    /// <summary>Raised when the mode, the follow state or the search result changes (the pane title shows them).</summary>
    public event EventHandler? StateChanged;

    /// <summary>Text or hex.</summary>
    public TranscriptMode Mode { get; private set; } = TranscriptMode.Text;

    /// <summary><see langword="true"/> while the view stays at the newest line.</summary>
    public bool Following => _following;

    /// <summary>The first visible line.</summary>
    public long Top => _top;

    /// <summary>Columns scrolled to the right.</summary>
    public int ScrollX => _scrollX;

    /// <summary>The transcript shown, if any.</summary>
    public TranscriptBuffer? Buffer => _buffer;

    /// <summary>What the view says when no transcript is shown.</summary>
    public string EmptyText
    {
        get => _emptyText;
        set
        {
            if (value != _emptyText)
            {
                _emptyText = value ?? throw new ArgumentNullException(nameof(value));
                SetNeedsDraw();
            }
        }
    }

    /// <summary>Lines in the current mode.</summary>
    public long LineCount => _buffer?.LineCount(Mode) ?? 0;

    /// <summary>Shows <paramref name="buffer"/> (the same one again only redraws, keeping the position).</summary>
    public void Show(TranscriptBuffer? buffer, ModelClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var version = buffer?.Version ?? -1;
        if (ReferenceEquals(buffer, _buffer) && ReferenceEquals(clock, _clock) && version == _shownVersion)
        {
            // Nothing new: redrawing the same text would only cost the terminal a repaint.
            return;
        }

        _clock = clock;
        _shownVersion = version;
        if (!ReferenceEquals(buffer, _buffer))
        {
            _buffer = buffer;
            _top = 0;
            _scrollX = 0;
            _following = true;
            _origin = buffer?.Origin(Mode) ?? 0;
            ClearSearch();
            StateChanged?.Invoke(this, EventArgs.Empty);
        }

        Reanchor();
        Pin();
        SetNeedsDraw();
    }

    /// <summary>Switches between text and hex, keeping roughly the same place.</summary>
    public void ToggleMode()
    {
        var count = LineCount;
        var fraction = count == 0 ? 0 : (double)_top / count;
        Mode = Mode == TranscriptMode.Text ? TranscriptMode.Hex : TranscriptMode.Text;
        _top = (long)(fraction * LineCount);
        _origin = _buffer?.Origin(Mode) ?? 0;
        _scrollX = 0;
        ClearSearch();
        Pin();
        SetNeedsDraw();
        StateChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Goes to the newest line and stays there as lines arrive.</summary>
    public void Follow()
    {
        _following = true;
        Pin();
        SetNeedsDraw();
        StateChanged?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Scrolls by <paramref name="rows"/>; scrolling up stops following, reaching the end again resumes it.</summary>
    public void ScrollBy(long rows)
    {
        var was = _following;
        _top = Math.Clamp(_top + rows, 0, MaxTop);
        _following = _top >= MaxTop && rows > 0 || (_following && rows >= 0);
        SetNeedsDraw();
        if (was != _following)
        {
            StateChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Scrolls the data columns sideways (time and direction stay).</summary>
    public void ScrollSideways(int columns)
    {
        _scrollX = Math.Max(0, _scrollX + columns);
        SetNeedsDraw();
    }

    /// <summary>One line of state for the pane's title: mode, position, follow.</summary>
    public string Describe()
    {
        var count = LineCount;
        var mode = Mode == TranscriptMode.Text ? "text" : "hex";
        var position = _following
            ? "following"
            : string.Create(CultureInfo.InvariantCulture, $"line {Math.Min(count, _top + 1):N0}/{count:N0}, paused (End follows)");
        return $"{mode} · {position}";
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
            ScrollBy(-LineCount);
        }
        else if (key == Key.End)
        {
            Follow();
        }
        else if (key == Key.CursorLeft)
        {
            ScrollSideways(-8);
        }
        else if (key == Key.CursorRight)
        {
            ScrollSideways(8);
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
        if (mouse.Flags.HasFlag(MouseFlags.WheeledLeft) || mouse.Flags.HasFlag(MouseFlags.WheeledRight))
        {
            ScrollSideways(mouse.Flags.HasFlag(MouseFlags.WheeledLeft) ? -8 : 8);
            return true;
        }

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

        if (mouse.IsSingleClicked)
        {
            SetFocus();
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    protected override void OnFrameChanged(in System.Drawing.Rectangle frame)
    {
        base.OnFrameChanged(frame);
        Pin();
    }

    private long MaxTop => Math.Max(0, LineCount - Math.Max(1, Viewport.Height));

    /// <summary>
    /// A paused view stays on the same data while the ring drops old entries: its first line is
    /// kept at the same absolute line (the drop shifts every view line up by what it removed).
    /// If that line itself was dropped, the view starts at the dropped-data marker.
    /// </summary>
    private void Reanchor()
    {
        var origin = _buffer?.Origin(Mode) ?? 0;
        if (!_following && origin != _origin)
        {
            _top = Math.Max(0, _top + _origin - origin);
        }

        _origin = origin;
    }

    /// <summary>Keeps the view at the tail while following, and inside the transcript otherwise.</summary>
    private void Pin() => _top = _following ? MaxTop : Math.Clamp(_top, 0, MaxTop);
}
