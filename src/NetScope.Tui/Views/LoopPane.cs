using System.Globalization;
using NetScope.Sessions.Rendering;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// The Loop tab: the reactor's health (iterations, lag, descriptors, timed calls, the thread-call
/// queue and the pool), the watchdog's stalled Deferreds, and how the display keeps up with the workspace.
/// </summary>
internal sealed class LoopPane : LinesPane, IDetailTab
{
    public LoopPane(TuiStyle style)
        : base(style)
    {
        Title = "Loop";
        EmptyText = StyledLine.Of("waiting for the first health sample (one a second)", StyleRole.Dim);
    }

    /// <inheritdoc/>
    public View View => this;

    /// <inheritdoc/>
    public IReadOnlyList<(string Key, string Action)> Keys => [("↑↓", "Scroll")];

    /// <summary>UI-thread figures the frame cannot know (loop rate, time spent applying frames, GC pauses), as name and value.</summary>
    public IReadOnlyList<(string Name, string Value)> UiStats { get; set; } = [];

    /// <inheritdoc/>
    public void Show(ModelFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SetLines(Build(frame, Math.Max(10, Viewport.Width)));
    }

    /// <summary>The tab's lines for <paramref name="frame"/>, graphs <paramref name="width"/> cells wide.</summary>
    public IReadOnlyList<StyledLine> Build(ModelFrame frame, int width)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Health is not { } health)
        {
            return [];
        }

        var lines = new List<StyledLine>
        {
            StyledLine.Of($"{frame.Reactor} reactor", StyleRole.Heading),
            StyledLine.Field("iterations/s", health.IterationsPerSecond is { } rate ? rate.ToString("N0", CultureInfo.InvariantCulture) : "-"),
            StyledLine.Field("lag", $"{DurationText.Format(health.LagSeconds)} (worst {DurationText.Format(health.MaxLagSeconds)} since the last sample)", valueRole: health.MaxLagSeconds > 0.1 ? StyleRole.Waiting : StyleRole.Normal),
            StyledLine.Field("descriptors", string.Create(CultureInfo.InvariantCulture, $"{health.Readers} reading, {health.Writers} writing")),
            StyledLine.Field("thread calls", string.Create(CultureInfo.InvariantCulture, $"{health.ThreadCallQueue} queued")),
            StyledLine.Field("thread pool", string.Create(CultureInfo.InvariantCulture, $"{health.PoolQueue} queued, {health.PoolBusy} busy of {health.PoolThreads}")),
            StyledLine.Field("timed calls", string.Create(CultureInfo.InvariantCulture, $"{health.PendingCalls} pending")),
        };
        lines.AddRange(health.NextCalls.Select(c => StyledLine.Of($"  in {DurationText.Format(c.DueInSeconds)}: {c.Description}", StyleRole.Dim)));
        lines.Add(StyledLine.Blank);
        lines.Add(StyledLine.Of("lag (worst per second)", StyleRole.Heading));
        lines.AddRange(Graph(frame.RecentHealth.Select(h => h.MaxLagSeconds * 1000).ToArray(), width));
        lines.Add(StyledLine.Of("iterations per second", StyleRole.Heading));
        lines.AddRange(Graph(frame.RecentHealth.Select(h => h.IterationsPerSecond ?? 0).ToArray(), width));
        lines.Add(StyledLine.Blank);
        lines.Add(StyledLine.Of(frame.Stalled.Count == 0 ? "watchdog: no stalled Deferred" : $"watchdog: {frame.Stalled.Count} Deferreds pending too long", StyleRole.Heading));
        lines.AddRange(frame.Stalled.Take(20).Select(d => StyledLine.Of($"  #{d.EntryId} Deferred #{d.Id} {d.Label} pending {DurationText.Format(d.Age)}", StyleRole.Waiting)));
        lines.Add(StyledLine.Blank);
        lines.Add(StyledLine.Of("display", StyleRole.Heading));
        var stats = frame.Stats;
        lines.Add(StyledLine.Field("frames", string.Create(CultureInfo.InvariantCulture, $"{stats.Frames:N0} built, last fetch {stats.LastFetchMillis:0.0} ms")));
        lines.Add(StyledLine.Field("events", string.Create(CultureInfo.InvariantCulture, $"{stats.EventsRead:N0} read, {stats.EventsLost:N0} lost, {stats.Resyncs} reloads"), valueRole: stats.EventsLost > 0 ? StyleRole.Waiting : StyleRole.Normal));
        lines.AddRange(UiStats.Select(s => StyledLine.Field(s.Name, s.Value)));

        return lines;
    }

    private IEnumerable<StyledLine> Graph(IReadOnlyList<double> values, int width) =>
        values.Count == 0
            ? [StyledLine.Of("  no samples yet", StyleRole.Dim)]
            : Sparkline.Rows(values, Math.Max(1, width - 2), 2, Style.Symbols.Bars).Select(r => new StyledLine([new Span("  ", StyleRole.Normal), new Span(r, StyleRole.Graph)]));
}
