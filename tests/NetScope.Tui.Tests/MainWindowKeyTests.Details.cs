using NetScope.Tui.Input;
using NetScope.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScope.Tui.Tests;

/// <content>The detail pane from the keyboard: Tab reaches it, its keys reach the selected tab, the status line shows them.</content>
public sealed partial class MainWindowKeyTests
{
    [Fact]
    public void TabReachesTheDeferredsTabWhereDownAndCCancelOrExplainAndTheStatusLineShowsItsKeys()
    {
        Run((app, window) =>
        {
            window.Apply(_live.RefreshUntil(f => f.Detail?.Deferreds.Count >= 2, "the session's Deferreds"));
            app.InjectKey(new Key('2').WithAlt);
            TabUntilDetailsHaveTheFocus(app, window);
            var deferreds = Assert.IsType<DeferredsPane>(window.Details.Current);
            Assert.True(deferreds.HasFocus);
            Assert.Contains(window.Status.Keys, k => k.Key == "c" && k.Label == "Cancel pending");
            Assert.DoesNotContain(window.Status.Keys, k => k.Key == "F2");

            app.InjectKey(Key.CursorDown);
            Assert.True(deferreds.HasFocus);
            Assert.Equal(1, deferreds.CursorLine);
            var row = deferreds.SelectedRow!;
            app.InjectKey(KeyMap.Cancel);

            Assert.Equal(
                row.Cancellable
                    ? $"cancelling Deferred #{row.DeferredId}"
                    : $"Deferred #{row.DeferredId} has fired already: only pending ones can be cancelled",
                window.Status.Message);
            Assert.True(deferreds.HasFocus);
        }, selectSession: true);
    }

    [Fact]
    public void TheTransportTabScrollsWithTheKeyboardOnceTabbedTo()
    {
        Run((app, window) =>
        {
            app.Driver!.SetScreenSize(150, 20);
            app.LayoutAndDraw();
            TabUntilDetailsHaveTheFocus(app, window);
            var transport = Assert.IsType<TransportPane>(window.Details.Current);
            Assert.Equal(0, transport.Top);

            app.InjectKey(Key.CursorDown);
            app.InjectKey(Key.PageDown);

            Assert.True(transport.HasFocus);
            Assert.True(transport.Top > 0);
        }, selectSession: true);
    }

    [Fact]
    public void ThePaletteOffersEveryLineEndingTheInputLineTakes()
    {
        Run((app, window) =>
        {
            var endings = window.PaletteEntries().Select(e => e.Keys).Where(k => k.StartsWith("/ending ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(["/ending crlf", "/ending lf", "/ending cr", "/ending none"], endings);
        });
    }

    [Fact]
    public async Task At80x24TheDetailTabsGoUnderTheTranscriptWhichShowsItsDataAndBPutsThemBack()
    {
        await _live.Commands.SendLine(_session, "visible at eighty columns");
        Run((app, window) =>
        {
            window.Apply(_live.RefreshUntil(f => f.Transcript?.TotalReceived == 27, "the echo"));
            app.Driver!.SetScreenSize(80, 24);
            app.LayoutAndDraw();

            Assert.True(window.DetailsAtBottom);
            Assert.True(window.Transcript.Frame.Width >= 45, $"the transcript is {window.Transcript.Frame.Width} columns wide");
            var screen = Headless.Screen(app);
            Assert.Contains(screen, r => r.Contains("← visible at eighty columns", StringComparison.Ordinal));
            Assert.Contains(screen[12..], r => r.Contains("[Transport]", StringComparison.Ordinal));

            app.InjectKey(KeyMap.Placement);
            app.LayoutAndDraw();
            Assert.False(window.DetailsAtBottom);
            Assert.Contains("[Transport]", Headless.Screen(app)[1], StringComparison.Ordinal);

            app.InjectKey(KeyMap.Placement);
            app.Driver.SetScreenSize(150, 36);
            app.LayoutAndDraw();
            Assert.True(window.DetailsAtBottom);
        }, selectSession: true);
    }

    [Fact]
    public void AtFullWidthTheDetailTabsAreAtTheRight()
    {
        Run((app, window) =>
        {
            Assert.False(window.DetailsAtBottom);
            Assert.Contains("[Transport]", Headless.Screen(app)[1], StringComparison.Ordinal);
        });
    }

    private static void TabUntilDetailsHaveTheFocus(IApplication app, MainWindow window)
    {
        for (var i = 0; i < 6 && !window.Details.Current.View.HasFocus; i++)
        {
            app.InjectKey(Key.Tab);
        }

        Assert.True(window.Details.Current.View.HasFocus, "Tab never reached the detail pane");
    }
}
