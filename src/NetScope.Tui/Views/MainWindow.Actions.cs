using NetScope.Sessions.Streams;
using NetScope.Tui.Dialogs;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace NetScope.Tui.Views;

/// <content>What the keys, the palette and the input line do.</content>
internal sealed partial class MainWindow
{
    /// <summary>The kind of the sessions that send one HTTP request (no input; <c>r</c> repeats them).</summary>
    private const string HttpKind = "http";

    private bool _quitAfterModal;
    private bool _stopping;

    /// <summary>Every action, for the command palette.</summary>
    public IReadOnlyList<PaletteEntry> PaletteEntries() =>
    [
        new("New session…", "F2", ShowNewSession),
        new("New listener…", "F3", ShowNewListener),
        new("Type into the selected session", "i", FocusInput),
        new("Close the selected session or stop the listener", "d", CloseSelected),
        new("Abort the selected session (reset)", "D", AbortSelected),
        new("Half-close the selected session (send FIN)", "/halfclose", () => RunOnSelectedSession(new HalfCloseCommand())),
        new("Start TLS on the selected session", "/starttls", () => RunOnSelectedSession(new StartTlsCommand())),
        new("Repeat the selected HTTP request", "r", RepeatSelected),
        new("Switch the selected session to raw mode", "r", () => RunOnSelectedSession(new SwitchModeCommand(StreamMode.Raw))),
        new("Switch the selected session to line mode", "r", () => RunOnSelectedSession(new SwitchModeCommand(StreamMode.Line))),
        new("Line ending CRLF", "/ending crlf", () => Execute("/ending crlf")),
        new("Line ending LF", "/ending lf", () => Execute("/ending lf")),
        new("Line ending CR", "/ending cr", () => Execute("/ending cr")),
        new("No line ending", "/ending none", () => Execute("/ending none")),
        new("Transcript: text or hex", "x", Transcript.ToggleMode),
        new("Transcript: search", "/", () => Input.BeginSearch(Transcript.Query)),
        new("Transcript: next match", "n", () => Say(Transcript.SearchAgain(true))),
        new("Transcript: previous match", "N", () => Say(Transcript.SearchAgain(false))),
        new("Transcript: follow the tail", "f", Transcript.Follow),
        new("Zoom the transcript (hide details)", "z", ToggleZoom),
        new("Detail tabs at the bottom or at the right", "b", ToggleDetailsPlacement),
        .. Details.Tabs.Select((t, i) => new PaletteEntry($"Show the {t.Title} tab", $"Alt+{i + 1}", () => Details.Select(i))),
        new("Cancel the selected pending Deferred", "c", CancelSelectedDeferred),
        new("Show or hide the listener's connections", "Space", List.ToggleExpanded),
        new("Help: every key", "F1", ShowHelp),
        new("Redraw the screen", "F5", Redraw),
        new("Quit", "Ctrl+Q", RequestQuit),
    ];

    /// <summary>Opens the help (every key and input command).</summary>
    public void ShowHelp()
    {
        using var help = new HelpDialog(Style, KeyMap.Sections(Parser.Commands));
        RunModal(help);
    }

    /// <summary>Opens the command palette and runs what is picked.</summary>
    public void ShowPalette()
    {
        using var palette = new CommandPalette(Style, PaletteEntries());
        RunModal(palette);
        palette.Picked?.Run();
    }

    /// <summary>Opens the new-session dialog; a session opened is selected.</summary>
    public void ShowNewSession()
    {
        using var dialog = new NewSessionDialog(Style, Catalog);
        RunModal(dialog);
        if (dialog.Request is { } request && Catalog.FindSession(request.Kind) is { } kind)
        {
            _commands.Open(kind.Create(request)).ContinueWith(
                t => Post(() => SelectWhenShown(t.Result)),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
            Say($"opening {request.Kind} {request.Target}");
        }
    }

    /// <summary>Opens the new-listener dialog, which starts the listener and reports failures itself.</summary>
    public void ShowNewListener()
    {
        using var dialog = new NewListenerDialog(Style, Catalog, (request, done) =>
        {
            _commands.Listen(Catalog, request).ContinueWith(
                t => Post(() => done(t.IsCompletedSuccessfully ? null : WorkspaceCommands.Reason(t.Exception!))),
                TaskScheduler.Default);
        });
        RunModal(dialog);
        if (dialog.Started is { } request)
        {
            Say($"started {request.Kind} listener");
        }
    }

    /// <summary>Moves the focus to the input line.</summary>
    public void FocusInput()
    {
        Input.EndSearch();
        Input.Field.SetFocus();
        if (List.SelectedRow is { IsListener: false, Kind: HttpKind } http)
        {
            Say(NoInputHint(http.Id));
        }
        else if (SelectedMode() is null)
        {
            Say("select a line or raw session to type into it (commands like /help work anyway)");
        }
    }

    /// <summary>Sends the selected http session's request again, as a new session, and selects it.</summary>
    public void RepeatSelected()
    {
        if (List.SelectedRow is not { IsListener: false, Kind: HttpKind } row)
        {
            Say("select an http session to repeat its request (F2 opens a new one)", error: true);
            return;
        }

        Task<long> opening;
        bool whole;
        try
        {
            opening = _commands.Repeat(Catalog, row.Id, row.Target, out whole);
        }
        catch (ArgumentException exception)
        {
            Say(exception.Message, error: true);
            return;
        }

        opening.ContinueWith(
            t => Post(() => SelectWhenShown(t.Result)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        Say(whole ? $"repeating #{row.Id}: {row.Target}" : $"repeating #{row.Id} as {row.Target} (its header fields and body are not known here: a redirect hop, or an old session)");
    }

    /// <summary>Asks to quit: with listeners running, confirms first.</summary>
    public void RequestQuit()
    {
        var listeners = _frame.Rows.Count(r => r.IsListener && r.Status == Model.EntryStatus.Listening);
        var sessions = _frame.Rows.Count(r => !r.IsListener && !r.Ended);
        if (listeners > 0 && App is { } app)
        {
            var question = $"{Plural(listeners, "listener")} running and {Plural(sessions, "session")} open. Stop and close them all, and quit?";
            var answer = MessageBox.Query(app, "Quit NetScope", question, "Cancel", "Quit");
            if (_stopping)
            {
                QuitNow();
                return;
            }

            if (answer != 1)
            {
                Say("quit cancelled");
                return;
            }
        }

        Quitting = true;
        QuitRequested?.Invoke(this, EventArgs.Empty);
        App?.RequestStop(this);
    }

    /// <summary>
    /// Quits without asking (a signal asked for it): closes the open dialog first, if there is
    /// one; the main loop ends once it has.
    /// </summary>
    public void QuitNow()
    {
        _stopping = true;
        if (App is { } app && app.TopRunnableView != this)
        {
            app.RequestStop();
            return;
        }

        Quitting = true;
        QuitRequested?.Invoke(this, EventArgs.Empty);
        App?.RequestStop(this);
    }

    /// <summary>Runs a line typed into the input line against the selected session.</summary>
    public void Execute(string text)
    {
        var command = Parser.Parse(text, SelectedMode() ?? StreamMode.Line);
        if (command is HelpCommand)
        {
            ShowHelp();
            return;
        }

        if (command is InvalidCommand invalid)
        {
            Say(invalid.Message, error: true);
            return;
        }

        RunOnSelectedSession(command);
    }

    private void RunOnSelectedSession(InputCommand command)
    {
        if (command is NoCommand)
        {
            return;
        }

        if (List.SelectedRow is not { IsListener: false } row)
        {
            Say("select a session first", error: true);
            return;
        }

        if (row.Ended)
        {
            Say(row.Kind == HttpKind ? NoInputHint(row.Id) : $"#{row.Id} has ended: {row.Reason}", error: true);
            return;
        }

        var id = row.Id;
        if (row.Kind == HttpKind && command is not CloseCommand)
        {
            Say(NoInputHint(id), error: true);
            return;
        }

        switch (command)
        {
            case SendLineCommand line:
                _commands.SendLine(id, line.Text);
                break;
            case SendBytesCommand bytes:
                _commands.SendBytes(id, bytes.Data);
                break;
            case SwitchModeCommand mode:
                _commands.SetMode(id, mode.Mode);
                Input.SetMode(mode.Mode);
                Say($"#{id}: {mode.Mode.ToString().ToLowerInvariant()} mode");
                break;
            case SetEndingCommand ending:
                _commands.SetLineEnding(id, ending.Ending);
                Say($"#{id}: line ending {ending.Name}");
                break;
            case HalfCloseCommand:
                _commands.HalfClose(id);
                Say($"#{id}: half-closed (FIN sent, still reading)");
                break;
            case CloseCommand:
                _commands.Close(id);
                Say($"closing #{id}");
                break;
            case StartTlsCommand tls:
                _commands.StartTls(id, tls.Insecure);
                Say($"#{id}: starting TLS{(tls.Insecure ? " (not verifying the certificate)" : string.Empty)}");
                break;
            default:
                Say($"{command.GetType().Name.Replace("Command", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}: not offered by #{id} ({row.Kind})", error: true);
                break;
        }
    }

    private void CloseSelected()
    {
        switch (List.SelectedRow)
        {
            case { IsListener: true, Ended: false } listener:
                _commands.StopListener(listener.Id);
                Say($"stopping listener #{listener.Id}");
                break;
            case { Ended: false } session:
                _commands.Close(session.Id);
                Say($"closing #{session.Id}");
                break;
            case { } ended:
                Say($"#{ended.Id} has ended already");
                break;
            default:
                Say("nothing selected");
                break;
        }
    }

    private void AbortSelected()
    {
        if (List.SelectedRow is { IsListener: false, Ended: false } session)
        {
            _commands.Abort(session.Id);
            Say($"aborting #{session.Id}");
        }
    }

    /// <summary><c>r</c>: an http session repeats its request; a line or raw session switches its mode.</summary>
    private void RepeatOrToggleMode()
    {
        if (List.SelectedRow is { IsListener: false, Kind: HttpKind })
        {
            RepeatSelected();
            return;
        }

        if (SelectedMode() is { } mode)
        {
            RunOnSelectedSession(new SwitchModeCommand(mode == StreamMode.Line ? StreamMode.Raw : StreamMode.Line));
        }
        else
        {
            Say("the selected entry has no line or raw mode");
        }
    }

    private void CancelSelectedDeferred()
    {
        Details.Select("Deferreds");
        if (Details.Current is DeferredsPane pane)
        {
            Say(pane.CancelSelected());
        }
    }

    /// <summary>Clears the terminal and draws everything again on the next iteration (after something else wrote to the terminal).</summary>
    public void Redraw()
    {
        if (App is { } app)
        {
            app.ClearScreenNextIteration = true;
        }

        SetNeedsDraw();
    }

    /// <summary>Puts the detail tabs under the transcript, or back at the right.</summary>
    public void ToggleDetailsPlacement()
    {
        DetailsPlacement = !DetailsAtBottom;
        _right.SetNeedsLayout();
        _centre.SetNeedsLayout();
        SetNeedsLayout();
        Say(DetailsAtBottom ? "details at the bottom: b puts them at the right" : "details at the right: b puts them at the bottom");
    }

    private void ToggleZoom()
    {
        _zoomed = !_zoomed;
        _right.Visible = !_zoomed;
        _centre.SetNeedsLayout();
        SetNeedsLayout();
        Say(_zoomed ? "zoomed: z shows the details again" : "details shown");
    }

    /// <summary>Runs a modal view; a Ctrl+Q pressed in it quits once it has closed.</summary>
    private void RunModal(IRunnable runnable)
    {
        if (App is not { } app)
        {
            return;
        }

        app.Run(runnable);
        UpdateStatusKeys();
        if (_stopping)
        {
            QuitNow();
        }
        else if (_quitAfterModal)
        {
            _quitAfterModal = false;
            RequestQuit();
        }
    }

    /// <summary>Runs <paramref name="action"/> on the UI thread (from a command's continuation).</summary>
    private void Post(Action action)
    {
        try
        {
            App?.Invoke(action);
        }
        catch (NotInitializedException)
        {
            // The UI has gone: nothing to show any more.
        }
    }

    private static string NoInputHint(long id) => $"#{id} is an http request: it takes no input; r repeats it, F2 opens a new request";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
