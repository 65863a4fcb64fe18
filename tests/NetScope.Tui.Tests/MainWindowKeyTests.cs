using NetScope.Sessions.Kinds;
using NetScope.Sessions.Targets;
using NetScope.Tui.Dialogs;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

/// <summary>The keys the help lists do what it says, on the whole window over a live workspace.</summary>
public sealed partial class MainWindowKeyTests : IAsyncLifetime
{
    private LiveWorkspace _live = null!;
    private long _listener;
    private long _session;

    public async Task InitializeAsync()
    {
        _live = await LiveWorkspace.StartAsync();
        var (id, address) = await _live.ListenAsync("echo");
        _listener = id;
        _session = await _live.Commands.OpenTcp(new TcpSessionRequest(HostPort.Parse(address)));
        await _live.WhenOpenAsync(_session);
    }

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public void XTogglesTheTranscriptBetweenTextAndHex()
    {
        Run((app, window) =>
        {
            app.InjectKey(KeyMap.Hex);
            Assert.Equal(TranscriptMode.Hex, window.Transcript.Mode);
            app.InjectKey(KeyMap.Hex);
            Assert.Equal(TranscriptMode.Text, window.Transcript.Mode);
        });
    }

    [Fact]
    public void ZHidesTheDetailPaneAndGivesTheTranscriptTheWidth()
    {
        Run((app, window) =>
        {
            var before = window.Transcript.Frame.Width;
            app.InjectKey(KeyMap.Zoom);
            app.LayoutAndDraw();

            Assert.True(window.Zoomed);
            Assert.True(window.Transcript.Frame.Width > before);
            Assert.DoesNotContain(Headless.Screen(app), row => row.Contains("Transport", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void BracketsAndAltNumbersSwitchTheDetailTabs()
    {
        Run((app, window) =>
        {
            app.InjectKey(KeyMap.NextTab);
            Assert.Equal("Deferreds", window.Details.Current.Title);
            app.InjectKey(KeyMap.PreviousTab);
            app.InjectKey(KeyMap.PreviousTab);
            Assert.Equal("Log", window.Details.Current.Title);
            app.InjectKey(new Key('3').WithAlt);
            Assert.Equal("Timing", window.Details.Current.Title);
        });
    }

    [Fact]
    public void F1AndQuestionMarkOpenTheHelpWithEveryKeyAndTheInputCommands()
    {
        Run((app, window) =>
        {
            foreach (var key in new[] { KeyMap.Help, KeyMap.HelpLetter })
            {
                string[]? help = null;
                Modal.When<HelpDialog>(app, dialog =>
                {
                    help = dialog.Lines.Lines.Select(l => l.Text).ToArray();
                    app.InjectKey(Key.Esc);
                });
                app.InjectKey(key);

                Assert.NotNull(help);
                Assert.Same(window, app.TopRunnableView);
                foreach (var (_, keys) in KeyMap.Sections(window.Parser.Commands))
                {
                    foreach (var entry in keys)
                    {
                        Assert.Contains(help!, line => line.Contains(entry.Keys, StringComparison.Ordinal) && line.EndsWith(entry.Description, StringComparison.Ordinal));
                    }
                }

                Assert.Contains(help!, line => line.Contains("/halfclose", StringComparison.Ordinal));
            }
        });
    }

    [Fact]
    public void TheCommandPaletteFindsAnActionByAFewLettersAndRunsIt()
    {
        Run((app, window) =>
        {
            IReadOnlyList<PaletteEntry>? shown = null;
            Modal.When<CommandPalette>(app, palette =>
            {
                foreach (var c in "hex")
                {
                    app.InjectKey(new Key(c));
                }

                shown = palette.Shown;
                app.InjectKey(Key.Enter);
            });
            app.InjectKey(KeyMap.Palette);

            Assert.Equal("Transcript: text or hex", shown![0].Title);
            Assert.Equal(TranscriptMode.Hex, window.Transcript.Mode);
        });
    }

    [Fact]
    public async Task F2OpensASessionFromTheDialogAndSelectsIt()
    {
        var address = (await _live.Host.Workspace.SnapshotAsync()).Listeners.Single().Address!;
        Run((app, window) =>
        {
            Modal.When<NewSessionDialog>(app, dialog =>
            {
                dialog.Port.Text = HostPort.Parse(address).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                dialog.Port.SetFocus();
                app.InjectKey(Key.Enter);
            });
            app.InjectKey(KeyMap.NewSession);

            var frame = _live.RefreshUntil(f => f.Rows.Count(r => r.Kind == "tcp" && r.Status == EntryStatus.Open) == 2, "a second tcp session open");
            var opened = frame.Rows.Where(r => r.Kind == "tcp").Max(r => r.Id);
            window.Apply(frame);

            // The dialog's command reports the new session's number from another thread, through the UI loop.
            Assert.True(SpinWait.SpinUntil(
                () =>
                {
                    app.TimedEvents!.RunTimers();
                    return window.List.SelectedId == opened;
                },
                TimeSpan.FromSeconds(10)));
        });
    }

    [Fact]
    public void F3StartsAListenerFromTheDialog()
    {
        Run((app, window) =>
        {
            Modal.When<NewListenerDialog>(app, dialog =>
            {
                dialog.Kind.Value = 1;
                dialog.Port.SetFocus();
                app.InjectKey(Key.Enter);
            });
            app.InjectKey(KeyMap.NewListener);

            var frame = _live.RefreshUntil(f => f.Rows.Any(r => r.IsListener && r.Kind == "discard" && r.Status == EntryStatus.Listening), "the discard listener");
            window.Apply(frame);
            Assert.Equal("started discard listener", window.Status.Message);
        });
    }

    [Fact]
    public void CtrlQAsksFirstWhileListenersRunAndQuitsWhenConfirmed()
    {
        Run((app, window) =>
        {
            string? question = null;
            Modal.When<Dialog>(app, box =>
            {
                question = string.Join('\n', Headless.Trimmed(app));
                app.InjectKey(Key.Esc);
            });
            app.InjectKey(KeyMap.Quit);
            Assert.Contains("1 listener running and 2 sessions open. Stop and close them all, and quit?", question, StringComparison.Ordinal);
            Assert.False(window.Quitting);

            Modal.When<Dialog>(app, _ => app.InjectKey(Key.Enter));
            app.InjectKey(KeyMap.Quit);
            Assert.True(window.Quitting);
        });
    }

    [Fact]
    public void QuitNowClosesAnOpenDialogOrTheQuitQuestionAndQuitsWithoutAsking()
    {
        Run((app, window) =>
        {
            Modal.When<HelpDialog>(app, _ => window.QuitNow());
            app.InjectKey(KeyMap.Help);
            Assert.True(window.Quitting);
        });
        Run((app, window) =>
        {
            Modal.When<Dialog>(app, _ => window.QuitNow());
            app.InjectKey(KeyMap.Quit);
            Assert.True(window.Quitting);
        });
    }

    [Fact]
    public void EscapeDoesNotCloseTheMainWindow()
    {
        Run((app, window) =>
        {
            app.InjectKey(Key.Esc);
            Assert.Same(window, app.TopRunnableView);
            Assert.False(window.Quitting);
        });
    }

    [Fact]
    public async Task SlashSearchesTheTranscriptAndNFindsTheNextMatch()
    {
        await _live.Commands.SendLine(_session, "needle one");
        await _live.Commands.SendLine(_session, "hay");
        await _live.Commands.SendLine(_session, "needle two");
        Run((app, window) =>
        {
            window.Apply(_live.RefreshUntil(f => f.Transcript?.TotalReceived == 29, "the echoes"));
            app.InjectKey(KeyMap.Search);
            Assert.True(window.Input.Searching);
            foreach (var c in "needle")
            {
                app.InjectKey(new Key(c));
            }

            app.InjectKey(Key.Enter);
            var first = window.Transcript.MatchLine;
            Assert.StartsWith("/needle: line ", window.Status.Message, StringComparison.Ordinal);
            app.InjectKey(KeyMap.SearchNext);
            Assert.True(window.Transcript.MatchLine > first);
            Assert.False(window.Input.Searching);
        }, selectSession: true);
    }

    [Fact]
    public void TheInputLineSwitchesModesRecallsHistoryAndExplainsUnknownCommands()
    {
        Run((app, window) =>
        {
            app.InjectKey(KeyMap.Type);
            Type(app, "/raw");
            window.Apply(_live.RefreshUntil(f => f.Detail?.Session?.Mode == Sessions.Streams.StreamMode.Raw, "raw mode"));
            Assert.Equal(" raw>", window.Input.PromptText);

            Type(app, "/frob");
            Assert.StartsWith("unknown command /frob", window.Status.Message, StringComparison.Ordinal);

            app.InjectKey(Key.CursorUp);
            Assert.Equal("/frob", window.Input.Field.Text);
            app.InjectKey(Key.CursorUp);
            Assert.Equal("/raw", window.Input.Field.Text);
            app.InjectKey(Key.CursorDown);
            app.InjectKey(Key.CursorDown);
            Assert.Equal(string.Empty, window.Input.Field.Text);
        }, selectSession: true);
    }

    [Fact]
    public void DClosesTheSelectedSession()
    {
        Run((app, window) =>
        {
            app.InjectKey(KeyMap.Close);
            var frame = _live.RefreshUntil(f => f.Rows.Single(r => r.Id == _session).Status == EntryStatus.Closed, "the session closed");
            window.Apply(frame);
            Assert.Equal($"closing #{_session}", window.Status.Message);
        }, selectSession: true);
    }

    [Fact]
    public void AClickOnARowSelectsItAndAResizeLaysTheWindowOutAgain()
    {
        Run((app, window) =>
        {
            app.LayoutAndDraw();
            var listenerRow = Array.FindIndex(Headless.Screen(app), r => r.Contains($"#{_listener} ", StringComparison.Ordinal) && r.Contains("echo", StringComparison.Ordinal));
            app.InjectSequence(InputInjectionExtensions.LeftButtonClick(new System.Drawing.Point(20, listenerRow)));
            Assert.Equal(_listener, window.List.SelectedId);

            app.Driver!.SetScreenSize(100, 24);
            app.LayoutAndDraw();
            var screen = Headless.Screen(app);
            Assert.Equal(24, screen.Length);
            Assert.StartsWith(" F2 Session", screen[^1], StringComparison.Ordinal);
            Assert.Equal(100, window.Frame.Width);
        });
    }

    private static void Type(IApplication app, string text)
    {
        foreach (var c in text)
        {
            app.InjectKey(new Key(c));
        }

        app.InjectKey(Key.Enter);
    }

    private void Run(Action<IApplication, MainWindow> test, bool selectSession = false)
    {
        using var app = Headless.Create(150, 36);
        using var window = new MainWindow(Headless.Colour, _live.Feed, _live.Commands, _live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        window.Apply(_live.RefreshUntil(f => f.Rows.Count(r => r.Status is EntryStatus.Open or EntryStatus.Listening) == 3, "the listener and both ends open"));
        if (selectSession)
        {
            window.List.Select(_session);
            window.Apply(_live.RefreshUntil(f => f.Detail?.EntryId == _session && f.Transcript?.EntryId == _session, "the session's details"));
        }

        app.LayoutAndDraw();
        test(app, window);
        app.End(token);
    }
}
