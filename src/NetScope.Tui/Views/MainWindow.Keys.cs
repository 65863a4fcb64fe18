using NetScope.Tui.Input;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace NetScope.Tui.Views;

/// <content>Keys: the ones that work everywhere (dispatched before any view sees them), the letter keys (after the focused view), and the status line's hints.</content>
internal sealed partial class MainWindow
{
    private string _statusFocus = string.Empty;

    /// <summary>
    /// Dispatches the global keys from the application's key stream, which sees every key first:
    /// a focused view binding the same key (a list's Ctrl+N) must not win, and Esc must not close
    /// the main window. Modal dialogs keep their keys, except Ctrl+Q.
    /// </summary>
    public void InstallGlobalKeys(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Keyboard.KeyDown += (_, key) =>
        {
            var mainOnTop = app.TopRunnableView == this;
            if (key == KeyMap.Quit)
            {
                key.Handled = true;
                if (mainOnTop)
                {
                    RequestQuit();
                }
                else
                {
                    // Close the dialog first: the main loop only returns once it has.
                    _quitAfterModal = true;
                    app.RequestStop();
                }

                return;
            }

            if (!mainOnTop)
            {
                return;
            }

            if (HandleGlobal(key))
            {
                key.Handled = true;
            }
        };
    }

    /// <summary>The keys that work whatever has the focus; returns whether <paramref name="key"/> was one.</summary>
    internal bool HandleGlobal(Key key)
    {
        if (key == KeyMap.Help)
        {
            ShowHelp();
        }
        else if (key == KeyMap.Palette)
        {
            ShowPalette();
        }
        else if (key == KeyMap.NewSession || key == KeyMap.NewSessionCtrl)
        {
            ShowNewSession();
        }
        else if (key == KeyMap.NewListener || key == KeyMap.NewListenerCtrl)
        {
            ShowNewListener();
        }
        else if (key == KeyMap.Redraw)
        {
            Redraw();
        }
        else if (KeyMap.TabNumber(key) is { } number && number <= Details.Tabs.Count)
        {
            Details.Select(number - 1);
        }
        else if (key == KeyMap.Back)
        {
            // Esc is the application's Quit command by default: here it only steps back.
            if (Input.Field.HasFocus)
            {
                Input.EndSearch();
                List.SetFocus();
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <inheritdoc/>
    protected override bool OnKeyDown(Key key)
    {
        // Reached only when the focused view did not take the key: the input line types letters itself.
        if (key == KeyMap.HelpLetter)
        {
            ShowHelp();
        }
        else if (key == KeyMap.PaletteLetter)
        {
            ShowPalette();
        }
        else if (key == KeyMap.Search)
        {
            Input.BeginSearch(Transcript.Query);
        }
        else if (key == KeyMap.SearchNext || key == KeyMap.SearchPrevious)
        {
            Say(Transcript.SearchAgain(forward: key == KeyMap.SearchNext));
        }
        else if (key == KeyMap.Hex)
        {
            Transcript.ToggleMode();
        }
        else if (key == KeyMap.Follow)
        {
            Transcript.Follow();
        }
        else if (key == KeyMap.Zoom)
        {
            ToggleZoom();
        }
        else if (key == KeyMap.Placement)
        {
            ToggleDetailsPlacement();
        }
        else if (key == KeyMap.NextTab || key == KeyMap.PreviousTab)
        {
            Details.Select(Details.SelectedIndex + (key == KeyMap.NextTab ? 1 : -1));
        }
        else if (key == KeyMap.Type)
        {
            FocusInput();
        }
        else if (key == KeyMap.Close || (key == Key.Delete && List.HasFocus))
        {
            CloseSelected();
        }
        else if (key == KeyMap.Abort)
        {
            AbortSelected();
        }
        else if (key == KeyMap.ToggleMode)
        {
            RepeatOrToggleMode();
        }
        else
        {
            return base.OnKeyDown(key);
        }

        return true;
    }

    /// <summary>Shows the keys of the focused pane in the status line (only when the focus moved somewhere else).</summary>
    private void UpdateStatusKeys()
    {
        var focus = Input.Field.HasFocus ? (Input.Searching ? "search" : "input")
            : Transcript.HasFocus ? "transcript"
            : Details.Current.View.HasFocus ? "details:" + Details.Current.Title
            : List.SelectedRow is { IsListener: false, Kind: HttpKind } ? "list:http"
            : "list";
        if (focus == _statusFocus)
        {
            return;
        }

        _statusFocus = focus;
        List<StatusKey> keys = focus switch
        {
            "input" =>
            [
                new("Enter", "Send", null),
                new("↑↓", "History", null),
                new("Esc", "Back", () => List.SetFocus()),
                new("/raw /line /close /halfclose", "Commands", null),
            ],
            "search" => [new("Enter", "Search", null), new("Esc", "Cancel", () => List.SetFocus())],
            "transcript" =>
            [
                new("x", "Hex", Transcript.ToggleMode),
                new("/", "Search", () => Input.BeginSearch(Transcript.Query)),
                new("n/N", "Next/prev", () => Say(Transcript.SearchAgain(true))),
                new("f", "Follow", Transcript.Follow),
                new("z", "Zoom", ToggleZoom),
                new("i", "Type", FocusInput),
            ],
            "list:http" =>
            [
                new("F2", "Session", ShowNewSession),
                new("F3", "Listener", ShowNewListener),
                new("r", "Repeat", RepeatSelected),
                new("d", "Close", CloseSelected),
                new("x", "Hex", Transcript.ToggleMode),
                new("/", "Search", () => Input.BeginSearch(Transcript.Query)),
            ],
            "list" =>
            [
                new("F2", "Session", ShowNewSession),
                new("F3", "Listener", ShowNewListener),
                new("Enter", "Type", FocusInput),
                new("d", "Close", CloseSelected),
                new("x", "Hex", Transcript.ToggleMode),
                new("/", "Search", () => Input.BeginSearch(Transcript.Query)),
            ],
            _ => [.. Details.Current.Keys.Select(k => new StatusKey(k.Key, k.Action)), new("[ ]", "Tabs", () => Details.Select(Details.SelectedIndex + 1))],
        };
        keys.Add(new StatusKey("F1", "Help", ShowHelp));
        keys.Add(new StatusKey("^P", "Palette", ShowPalette));
        keys.Add(new StatusKey("^Q", "Quit", RequestQuit));
        Status.SetKeys(keys);
    }
}
