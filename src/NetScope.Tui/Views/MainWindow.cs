using NetScope.Sessions.Streams;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Views;

/// <summary>
/// The TUI's one window: sessions and listeners at the left, the selected one's transcript and
/// the input line in the middle, the detail tabs at the right, the status line at the bottom.
/// It draws what the feed publishes (<see cref="Apply"/>, called at the frame rate) and turns
/// keys, clicks and typed lines into commands; it never touches the workspace itself.
/// </summary>
internal sealed partial class MainWindow : Window
{
    private readonly WorkspaceFeed _feed;
    private readonly WorkspaceCommands _commands;
    private readonly FrameView _left;
    private readonly FrameView _centre;
    private readonly FrameView _right;
    private ModelFrame _frame = ModelFrame.Empty;
    private long? _pendingSelection;
    private bool _initialFocusDone;
    private bool _zoomed;
    private long _logShown;

    public MainWindow(TuiStyle style, WorkspaceFeed feed, WorkspaceCommands commands, KindCatalog catalog, InputParser? parser = null)
    {
        Style = style ?? throw new ArgumentNullException(nameof(style));
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _commands = commands ?? throw new ArgumentNullException(nameof(commands));
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        Parser = parser ?? new InputParser();
        Title = "NetScope";
        BorderStyle = LineStyle.None;
        SetScheme(style.Main);

        List = new EntryListView(style);
        _left = new FrameView { Title = "Sessions & listeners", X = 0, Y = 0, Width = Dim.Func(_ => LeftWidth), Height = Dim.Fill(1), TabStop = TabBehavior.TabStop };
        _left.Add(List);

        Details = new DetailTabs(style,
        [
            new TransportPane(style),
            new DeferredsPane(style),
            new TimingPane(style),
            new LoopPane(style),
            new LogPane(style, feed.Log),
        ]);
        _right = new FrameView
        {
            Title = "Details",
            X = Pos.Func(_ => DetailsAtBottom ? LeftWidth : Viewport.Width - RightWidth),
            Y = Pos.Func(_ => DetailsAtBottom ? Viewport.Height - 1 - BottomHeight : 0),
            Width = Dim.Func(_ => DetailsAtBottom ? Math.Max(0, Viewport.Width - LeftWidth) : RightWidth),
            Height = Dim.Func(_ => DetailsAtBottom ? BottomHeight : Math.Max(0, Viewport.Height - 1)),
            TabStop = TabBehavior.TabStop,
        };
        _right.Add(Details);

        Transcript = new TranscriptView(style) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1) };
        Input = new InputLine(style) { X = 0, Y = Pos.AnchorEnd(1) };
        _centre = new FrameView { Title = "Transcript", X = Pos.Right(_left), Y = 0, Width = Dim.Fill(Dim.Func(_ => _zoomed || DetailsAtBottom ? 0 : RightWidth)), Height = Dim.Fill(Dim.Func(_ => 1 + (!_zoomed && DetailsAtBottom ? BottomHeight : 0))), TabStop = TabBehavior.TabStop };
        _centre.Add(Transcript, Input);

        Status = new StatusLine(style);
        Add(_left, _centre, _right, Status);
        Wire();
        UpdateStatusKeys();
        UpdateTitles();
    }

    /// <summary>Raised when the user confirmed quitting (the host stops the workspace after the loop ends).</summary>
    public event EventHandler? QuitRequested;

    /// <summary>The colours and glyphs.</summary>
    public TuiStyle Style { get; }

    /// <summary>The kinds the dialogs offer.</summary>
    public KindCatalog Catalog { get; }

    /// <summary>Reads typed lines.</summary>
    public InputParser Parser { get; }

    /// <summary>The sessions and listeners.</summary>
    public EntryListView List { get; }

    /// <summary>The selected entry's transcript.</summary>
    public TranscriptView Transcript { get; }

    /// <summary>The input line.</summary>
    public InputLine Input { get; }

    /// <summary>The detail tabs.</summary>
    public DetailTabs Details { get; }

    /// <summary>The status line.</summary>
    public StatusLine Status { get; }

    /// <summary>The model frame shown.</summary>
    public ModelFrame Shown => _frame;

    /// <summary>Whether the detail pane is hidden.</summary>
    public bool Zoomed => _zoomed;

    /// <summary>The UI thread's own figures for the Loop tab (loop rate, frame cost, GC pauses).</summary>
    public IReadOnlyList<(string Name, string Value)> UiStats
    {
        get => Details.Tabs.OfType<LoopPane>().FirstOrDefault()?.UiStats ?? [];
        set
        {
            if (Details.Tabs.OfType<LoopPane>().FirstOrDefault() is { } loop)
            {
                loop.UiStats = value;
            }
        }
    }

    /// <summary>True once the user asked to quit and confirmed.</summary>
    public bool Quitting { get; private set; }

    /// <summary>Below this width the detail tabs go under the transcript (unless placed by hand): at the right they would leave it a dozen columns.</summary>
    public const int NarrowWidth = 120;

    /// <summary>Where the detail tabs are: <see langword="null"/> follows the width (<see cref="NarrowWidth"/>), true at the bottom, false at the right.</summary>
    public bool? DetailsPlacement { get; private set; }

    /// <summary>Whether the detail tabs are under the transcript now.</summary>
    public bool DetailsAtBottom => DetailsPlacement ?? Viewport.Width < NarrowWidth;

    private int BottomHeight => Math.Clamp(Viewport.Height * 40 / 100, 6, 20);

    private int LeftWidth => Math.Clamp(Viewport.Width * 33 / 100, 30, 60);

    private int RightWidth => Math.Clamp(Viewport.Width * 32 / 100, 36, 64);

    /// <summary>Selects entry <paramref name="id"/> as soon as it is in the list (a session just opened, say).</summary>
    public void SelectWhenShown(long id)
    {
        _pendingSelection = id;
        if (_frame.Rows.Any(r => r.Id == id))
        {
            _pendingSelection = null;
            List.Select(id);
        }
    }

    /// <summary>Draws <paramref name="frame"/> (UI thread, at the frame rate): cheap when nothing changed.</summary>
    public void Apply(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var changed = frame.Version != _frame.Version;
        _frame = frame;
        if (changed)
        {
            List.Show(frame.Rows, frame.Time);
            if (_pendingSelection is { } wanted && frame.Rows.Any(r => r.Id == wanted))
            {
                _pendingSelection = null;
                List.Select(wanted);
            }

            var selected = List.SelectedId;
            Transcript.EmptyText = frame.Rows.Count == 0
                ? "Empty workspace: F2 session, F3 listener, F1 keys"
                : selected is null ? "nothing selected" : "loading…";
            Transcript.Show(frame.Transcript is { } buffer && buffer.EntryId == selected ? buffer : null, frame.Clock);
            var session = frame.Detail is { } detail && detail.EntryId == selected ? detail.Session : null;
            Input.SetMode(session is { EndTime: null } ? session.Mode : null);
            Details.Show(frame.Detail?.EntryId == selected ? frame : frame with { Detail = null });
            UpdateTitles();
            UpdateStatusKeys();
        }

        ShowNewErrors();
    }

    /// <inheritdoc/>
    protected override void OnIsModalChanged(bool newIsModal)
    {
        base.OnIsModalChanged(newIsModal);
        if (newIsModal && !_initialFocusDone)
        {
            _initialFocusDone = true;
            List.SetFocus();
            UpdateStatusKeys();
        }
    }

    private void Wire()
    {
        List.SelectionChanged += (_, id) =>
        {
            _feed.Selected = id;
            Transcript.Show(_frame.Transcript is { } buffer && buffer.EntryId == id ? buffer : null, _frame.Clock);
            UpdateTitles();
            UpdateStatusKeys();
        };
        List.EntryActivated += (_, _) => FocusInput();
        Transcript.StateChanged += (_, _) => UpdateTitles();
        Input.Submitted += (_, text) => Execute(text);
        Input.SearchSubmitted += (_, query) =>
        {
            Say(Transcript.Search(query));
            Transcript.SetFocus();
        };
        Input.Left += (_, _) => List.SetFocus();
        if (Details.Tabs.OfType<DeferredsPane>().FirstOrDefault() is { } deferreds)
        {
            deferreds.CancelRequested += (_, id) => _commands.CancelDeferred(id);
            deferreds.StatusMessage += (_, message) => Say(message);
        }

        Details.TabChanged += (_, _) => UpdateStatusKeys();
        foreach (var view in new View[] { List, Transcript, Input.Field }.Concat(Details.Tabs.Select(t => t.View)))
        {
            view.HasFocusChanged += (_, _) => UpdateStatusKeys();
        }
    }

    private void UpdateTitles()
    {
        var row = List.SelectedRow;
        _centre.Title = row is null
            ? "Transcript"
            : $"Transcript #{row.Id} {row.Kind} {row.ShownTarget} · {Transcript.Describe()}";
        var listeners = _frame.Rows.Count(r => r.IsListener && r.Status == EntryStatus.Listening);
        var sessions = _frame.Rows.Count(r => !r.IsListener && !r.Ended);
        _left.Title = $"Sessions & listeners ({sessions} open, {listeners} listening)";
        _right.Title = row is null ? "Details" : $"Details #{row.Id}";
    }

    /// <summary>Shows an error the log got since the last frame in the status line.</summary>
    private void ShowNewErrors()
    {
        var version = _feed.Log.Version;
        if (version == _logShown)
        {
            return;
        }

        _logShown = version;
        if (_feed.Log.Latest is { Severity: LogSeverity.Error } latest)
        {
            Say(latest.Text, error: true);
        }
    }

    private void Say(string message, bool error = false) => Status.SetMessage(message, error);

    private StreamMode? SelectedMode() =>
        _frame.Detail is { Session: { Mode: { } mode } session } && session.Id == List.SelectedId ? mode : null;
}
