using NetScope.Tui.App;
using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Tests;

/// <summary>An idle workspace costs the terminal nothing: no new frame, and a frame that changed nothing marks no view for drawing.</summary>
public sealed class IdleRedrawTests
{
    [Fact]
    public async Task WithNothingSelectedAnIdleFeedPublishesNoNewFrameUntilItsIdleRefresh()
    {
        var time = new ManualTime();
        var host = await ReactorHost.StartAsync(Core.Reactor.Reactors.Create());
        try
        {
            var log = new LogModel(time);
            await using var feed = new WorkspaceFeed(host.Workspace, time, log);
            await feed.StartAsync(run: false);
            var first = await feed.RefreshAsync();
            time.Advance(TimeSpan.FromMilliseconds(100));
            var second = await feed.RefreshAsync();
            time.Advance(feed.Options.IdleRefresh);
            var third = await feed.RefreshAsync();

            Assert.Null(first.SelectedId);
            Assert.Same(first, second);
            Assert.True(third.Version > first.Version);
        }
        finally
        {
            host.Stop(TimeSpan.FromSeconds(10));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFrameThatChangesNothingShownMarksNoViewForDrawing(bool withASession)
    {
        await using var live = await LiveWorkspace.StartAsync();
        long? session = null;
        if (withASession)
        {
            var (_, address) = await live.ListenAsync("echo");
            session = await live.Commands.OpenTcp(new Sessions.Kinds.TcpSessionRequest(Sessions.Targets.HostPort.Parse(address)));
            await live.WhenOpenAsync(session.Value);
        }

        // No await from here on: Begin installs Terminal.Gui's synchronization context on this thread.
        using var app = Headless.Create(160, 48);
        using var window = new MainWindow(Headless.Colour, live.Feed, live.Commands, live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        ModelFrame frame;
        if (session is { } id)
        {
            window.SelectWhenShown(id);
            window.Apply(live.RefreshUntil(f => f.Rows.Any(r => r.Id == id), "the session"));
            frame = live.RefreshUntil(f => f.Detail?.EntryId == id && f.Transcript?.EntryId == id, "the session's details");
        }
        else
        {
            frame = live.RefreshUntil(_ => true, "a frame");
        }

        window.Apply(frame);
        app.LayoutAndDraw();
        Assert.Equal([], Dirty(window));

        window.Apply(frame with { Version = frame.Version + 1 });

        Assert.Equal([], Dirty(window));
        app.End(token);
    }

    private static List<string> Dirty(View view)
    {
        var dirty = new List<string>();
        void Walk(View v)
        {
            if (v.NeedsDraw)
            {
                dirty.Add(v.GetType().Name);
            }

            foreach (var sub in v.SubViews)
            {
                Walk(sub);
            }
        }

        Walk(view);
        return dirty;
    }
}
