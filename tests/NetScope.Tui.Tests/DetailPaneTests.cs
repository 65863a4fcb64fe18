using NetScope.Sessions.Health;
using NetScope.Sessions.Rendering;
using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

public sealed class DetailPaneTests
{
    private static readonly EntryRow Row = new(2, false, null, "tcp", "127.0.0.1:7007", EntryStatus.Open, 2048, 12, 10, null, null, null);

    [Fact]
    public void TheTransportTabShowsTimelineCountersWriteBufferProducerTlsAndTcpInfoWithGraphs()
    {
        var pane = new TransportPane(Headless.Colour);
        var lines = pane.Build(Details.Detail(Details.Session()), Row, 30).Select(l => l.Text).ToArray();

        Assert.Equal(
            [
                "#2 tcp 127.0.0.1:7007",
                "state           open",
                "framing         line",
                string.Empty,
                "tcp transport #41 (layer 0)",
                "  local         127.0.0.1:50000",
                "  remote        127.0.0.1:7007",
                "  +0.1 ms       connecting",
                "  +0.4 ms       connected",
                "  +0.4 ms       established",
                "                          in         out",
                "  bytes                2 KiB        12 B",
                "  chunks                   3           1",
                "  write buffer  0 B (high 64 KiB, low 16 KiB)",
                "  producer      none, reading",
                string.Empty,
                "TLS",
                "  not in use (plain TCP)",
                string.Empty,
                "TCP_INFO",
                "  rtt           0.052 ms ± 0.02 ms",
                "  cwnd          10 segments, 0 unacknowledged",
                "  retransmits   0",
                "  path mtu      65535",
                string.Empty,
                "throughput      2.0 KiB/s (in+out)",
                "                            █ ",
                "                           ▄██",
                "rtt             0.052 ms",
                "                            ▇█",
                "                            ██",
            ],
            lines);
    }

    [Fact]
    public void TheTimingTabIsTheCliTimingTable()
    {
        var lines = TimingPane.Build(Details.Detail(Details.Session()));

        Assert.Equal(TimingTableRenderer.Render(Details.Session().Timing), lines.Select(l => l.Text).ToArray());
        Assert.Equal(Theme.StyleRole.Dim, StyleRoleOf(lines[3]));
    }

    [Fact]
    public void TheLoopTabShowsReactorHealthWatchdogAndFeed()
    {
        var health = new LoopHealthSample(5, 1000, 250, 0.0002, 0.004, 3, 1, 2, [new("Workspace sampler", 0.1)], 0, 0, 0, 1);
        var frame = ModelFrame.Empty with { Reactor = "epoll", Health = health, RecentHealth = [health], Stats = new FeedStats(12, 340, 0, 1, 0.5) };
        var lines = new LoopPane(Headless.Colour).Build(frame, 12).Select(l => l.Text).ToArray();

        Assert.Equal(
            [
                "epoll reactor",
                "iterations/s    250",
                "lag             0.2 ms (worst 4.0 ms since the last sample)",
                "descriptors     3 reading, 1 writing",
                "thread calls    0 queued",
                "thread pool     0 queued, 0 busy of 1",
                "timed calls     2 pending",
                "  in 100.0 ms: Workspace sampler",
                string.Empty,
                "lag (worst per second)",
                "           █",
                "           █",
                "iterations per second",
                "           █",
                "           █",
                string.Empty,
                "watchdog: no stalled Deferred",
                string.Empty,
                "display",
                "frames          12 built, last fetch 0.5 ms",
                "events          340 read, 0 lost, 1 reloads",
            ],
            lines);
    }

    [Fact]
    public void TheDeferredsTabCancelsTheSelectedPendingDeferredAndRefusesAFiredOne()
    {
        using var app = Headless.Create(60, 6);
        var pane = new DeferredsPane(Headless.Colour);
        using var window = new Window { BorderStyle = LineStyle.None };
        window.Add(pane);
        var token = app.Begin(window)!;
        var cancelled = new List<long>();
        var messages = new List<string>();
        pane.CancelRequested += (_, id) => cancelled.Add(id);
        pane.StatusMessage += (_, message) => messages.Add(message);
        pane.Show(
        [
            new DeferredRow("#3 connect  succeeded in 0.4 ms", 3, true, DeferredTone.Normal, false),
            new DeferredRow("#4 expect /bye/  pending 2.0 s", 4, true, DeferredTone.Pending, true),
            new DeferredRow("#5 read  failed in 1.0 ms (unhandled)", 5, true, DeferredTone.Failed, false),
        ]);
        pane.SetFocus();
        app.InjectKey(new Key('c'));
        app.InjectKey(Key.CursorDown);
        app.InjectKey(new Key('c'));
        app.LayoutAndDraw();

        Assert.Equal([4L], cancelled);
        Assert.Equal(["Deferred #3 has fired already: only pending ones can be cancelled", "cancelling Deferred #4"], messages);
        var cells = app.Driver!.Contents!;
        Assert.Equal(new Color(ColorName16.White), cells[0, 0].Attribute!.Value.Foreground);
        Assert.Equal(pane.GetAttributeForRole(VisualRole.Focus), cells[1, 0].Attribute!.Value);
        Assert.Equal(new Color(ColorName16.BrightRed), cells[2, 0].Attribute!.Value.Foreground);
        app.End(token);
    }

    [Fact]
    public void DetailTabsShowTheSelectedTabAndSwitchOnAClick()
    {
        using var app = Headless.Create(60, 4);
        var tabs = new DetailTabs(Headless.Colour, [new TransportPane(Headless.Colour), new TimingPane(Headless.Colour), new LogPane(Headless.Colour, new LogModel(TimeProvider.System))]);
        using var window = new Window { BorderStyle = LineStyle.None };
        window.Add(tabs);
        var token = app.Begin(window)!;
        app.LayoutAndDraw();
        Assert.Equal("[Transport] Timing  Log", Headless.Trimmed(app)[0]);

        app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(13, 0)));
        app.LayoutAndDraw();

        Assert.Equal(" Transport [Timing] Log", Headless.Trimmed(app)[0]);
        Assert.Equal("Timing", tabs.Current.Title);
        app.End(token);
    }

    private static Theme.StyleRole StyleRoleOf(StyledLine line) => line.Spans[0].Role;
}
