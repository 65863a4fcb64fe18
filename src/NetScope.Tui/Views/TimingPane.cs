using NetScope.Sessions.Rendering;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>The Timing tab: the selected session's phase breakdown, curl <c>-w</c> style (the same table as <c>--timing</c>).</summary>
internal sealed class TimingPane : LinesPane, IDetailTab
{
    public TimingPane(TuiStyle style)
        : base(style)
    {
        Title = "Timing";
        EmptyText = StyledLine.Of("select a session to see its phases", StyleRole.Hint);
    }

    /// <inheritdoc/>
    public View View => this;

    /// <inheritdoc/>
    public IReadOnlyList<(string Key, string Action)> Keys => [("↑↓", "Scroll")];

    /// <inheritdoc/>
    public void Show(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SetLines(Build(frame.Detail));
    }

    /// <summary>The tab's lines for <paramref name="detail"/>.</summary>
    public static IReadOnlyList<StyledLine> Build(DetailModel? detail)
    {
        if (detail?.Listener is not null)
        {
            return [StyledLine.Of("listeners have no phases: select one of their connections", StyleRole.Dim)];
        }

        if (detail?.Session is not { } session)
        {
            return [];
        }

        var table = TimingTableRenderer.Render(session.Timing);
        return table.Select((line, i) => i == 0
            ? StyledLine.Of(line, StyleRole.Heading)
            : line.Contains(" -", StringComparison.Ordinal) && !line.StartsWith("total", StringComparison.Ordinal) ? StyledLine.Of(line, StyleRole.Dim) : StyledLine.Of(line)).ToArray();
    }
}
