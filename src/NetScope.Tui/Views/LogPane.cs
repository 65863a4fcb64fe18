using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>The Log tab: what happened in the workspace, failed commands and the engine's log, newest at the bottom (it follows until scrolled up).</summary>
internal sealed class LogPane : LinesPane, IDetailTab
{
    private readonly LogModel _log;
    private ModelClock _clock = ModelClock.Epoch;
    private long _shown = -1;

    public LogPane(TuiStyle style, LogModel log)
        : base(style)
    {
        _log = log ?? throw new ArgumentNullException(nameof(log));
        Title = "Log";
        FollowTail = true;
        EmptyText = StyledLine.Of("nothing logged yet", StyleRole.Dim);
    }

    /// <inheritdoc/>
    public View View => this;

    /// <inheritdoc/>
    public IReadOnlyList<(string Key, string Action)> Keys => [("↑↓", "Scroll"), ("End", "Follow")];

    /// <inheritdoc/>
    public void Show(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _clock = frame.Clock;
        Refresh();
    }

    /// <summary>Shows lines added since the last call.</summary>
    public void Refresh()
    {
        var version = _log.Version;
        if (version == _shown)
        {
            return;
        }

        _shown = version;
        SetLines(_log.Lines().Select(Line).ToArray());
    }

    private StyledLine Line(LogLine line)
    {
        var (tag, role) = line.Severity switch
        {
            LogSeverity.Error => ("error ", StyleRole.Bad),
            LogSeverity.Warning => ("warn  ", StyleRole.Waiting),
            _ => ("info  ", StyleRole.Normal),
        };
        return new StyledLine([new Span(_clock.FormatWall(line.Time) + " ", StyleRole.Time), new Span(tag, role), new Span(line.Text, role)]);
    }
}
