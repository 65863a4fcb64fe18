using NetScope.Tui.Dialogs;
using NetScope.Tui.Input;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScope.Tui.Tests;

/// <content>The rest of the help's key table, each key on the whole window.</content>
public sealed partial class MainWindowKeyTests
{
    [Fact]
    public void TabAndShiftTabMoveBetweenTheListTheTranscriptTheInputLineAndTheDetails()
    {
        Run((app, window) =>
        {
            Assert.True(window.List.HasFocus);
            app.InjectKey(Key.Tab);
            Assert.True(window.Transcript.HasFocus);
            app.InjectKey(Key.Tab);
            Assert.True(window.Input.Field.HasFocus);
            app.InjectKey(Key.Tab);
            Assert.True(window.Details.Current.View.HasFocus);
            app.InjectKey(Key.Tab.WithShift);
            Assert.True(window.Input.Field.HasFocus);
            app.InjectKey(Key.Tab.WithShift);
            app.InjectKey(Key.Tab.WithShift);
            Assert.True(window.List.HasFocus);
        });
    }

    [Fact]
    public void UpInTheTranscriptPausesItAndFOrEndFollowTheTailAgain()
    {
        Run((app, window) =>
        {
            app.InjectKey(Key.Tab);
            Assert.True(window.Transcript.HasFocus);
            foreach (var follow in new[] { KeyMap.Follow, Key.End })
            {
                app.InjectKey(Key.CursorUp);
                Assert.False(window.Transcript.Following);
                app.InjectKey(follow);
                Assert.True(window.Transcript.Following);
            }
        }, selectSession: true);
    }

    [Fact]
    public void SpaceRightLeftAndEnterShowOrHideAListenersConnectionsAndLeftOnAConnectionSelectsItsListener()
    {
        Run((app, window) =>
        {
            window.List.Select(_listener);
            Assert.Equal(3, window.List.VisibleCount);
            app.InjectKey(Key.Space);
            Assert.Equal(2, window.List.VisibleCount);
            app.InjectKey(Key.CursorRight);
            Assert.Equal(3, window.List.VisibleCount);
            app.InjectKey(Key.CursorLeft);
            Assert.Equal(2, window.List.VisibleCount);
            app.InjectKey(Key.Enter);
            Assert.Equal(3, window.List.VisibleCount);
            Assert.True(window.List.HasFocus);

            var accepted = window.Shown.Rows.Single(r => r.ListenerId == _listener).Id;
            window.List.Select(accepted);
            app.InjectKey(Key.CursorLeft);
            Assert.Equal(_listener, window.List.SelectedId);
        });
    }

    [Fact]
    public void CtrlLOpensTheNewListenerDialogAndCtrlNTheNewSessionDialog()
    {
        Run((app, window) =>
        {
            var listener = false;
            Modal.When<NewListenerDialog>(app, _ =>
            {
                listener = true;
                app.InjectKey(Key.Esc);
            });
            app.InjectKey(KeyMap.NewListenerCtrl);
            Assert.True(listener);

            var session = false;
            Modal.When<NewSessionDialog>(app, _ =>
            {
                session = true;
                app.InjectKey(Key.Esc);
            });
            app.InjectKey(KeyMap.NewSessionCtrl);
            Assert.True(session);
            Assert.Same(window, app.TopRunnableView);
        });
    }

    [Fact]
    public void F5ClearsTheTerminalAndRedrawsEverythingOnTheNextIteration()
    {
        Run((app, window) =>
        {
            Assert.False(app.ClearScreenNextIteration);
            app.InjectKey(KeyMap.Redraw);
            Assert.True(app.ClearScreenNextIteration);
            app.LayoutAndDraw();
            Assert.False(app.ClearScreenNextIteration);
        });
    }

    [Fact]
    public async Task CapitalNGoesBackToThePreviousMatch()
    {
        await _live.Commands.SendLine(_session, "needle one");
        await _live.Commands.SendLine(_session, "needle two");
        Run((app, window) =>
        {
            window.Apply(_live.RefreshUntil(f => f.Transcript?.TotalReceived == 24, "the echoes"));
            app.InjectKey(KeyMap.Search);
            foreach (var c in "needle")
            {
                app.InjectKey(new Key(c));
            }

            app.InjectKey(Key.Enter);
            var first = window.Transcript.MatchLine;
            app.InjectKey(KeyMap.SearchNext);
            Assert.True(window.Transcript.MatchLine > first);
            app.InjectKey(KeyMap.SearchPrevious);
            Assert.Equal(first, window.Transcript.MatchLine);
        }, selectSession: true);
    }
}
