using Terminal.Gui.Input;

namespace NetScope.Tui.Input;

/// <summary>
/// Every key the TUI answers to, in one place: the main window dispatches with these, the help
/// lists <see cref="Sections"/>, and the status line shows the keys of the focused pane. Keys
/// with Ctrl or a function key work everywhere; letter keys work when the input line does not
/// have the focus (there they are typed).
/// </summary>
internal static class KeyMap
{
    public static readonly Key Quit = Key.Q.WithCtrl;
    public static readonly Key Help = Key.F1;
    public static readonly Key HelpLetter = new('?');
    public static readonly Key Palette = Key.P.WithCtrl;
    public static readonly Key PaletteLetter = new(':');
    public static readonly Key NewSession = Key.F2;
    public static readonly Key NewSessionCtrl = Key.N.WithCtrl;
    public static readonly Key NewListener = Key.F3;
    public static readonly Key NewListenerCtrl = Key.L.WithCtrl;
    public static readonly Key Search = new('/');
    public static readonly Key SearchNext = new('n');
    public static readonly Key SearchPrevious = new('N');
    public static readonly Key Hex = new('x');
    public static readonly Key Follow = new('f');
    public static readonly Key Zoom = new('z');
    public static readonly Key Placement = new('b');
    public static readonly Key NextTab = new(']');
    public static readonly Key PreviousTab = new('[');
    public static readonly Key Type = new('i');
    public static readonly Key Close = new('d');
    public static readonly Key Abort = new('D');
    public static readonly Key ToggleMode = new('r');
    public static readonly Key Cancel = new('c');
    public static readonly Key Back = Key.Esc;
    public static readonly Key Redraw = Key.F5;

    /// <summary>Alt+1 ... Alt+9 select the detail tab of that number.</summary>
    public static int? TabNumber(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsAlt || key.IsCtrl)
        {
            return null;
        }

        var plain = key.NoAlt;
        for (var n = 1; n <= 9; n++)
        {
            if (plain == new Key((char)('0' + n)))
            {
                return n;
            }
        }

        return null;
    }

    /// <summary>The help, by section.</summary>
    public static IReadOnlyList<(string Section, IReadOnlyList<KeyHelp> Keys)> Sections(IReadOnlyList<(string Syntax, string Description)> inputCommands) =>
    [
        ("Anywhere", [
            new("Ctrl+Q", "quit: stops the listeners and closes the sessions, in order (asks first while listeners run)"),
            new("F1 or ?", "this help"),
            new("Ctrl+P or :", "command palette: type to find any action"),
            new("F2 or Ctrl+N", "new session: tcp, tls (with or without certificate verification), or an http request (method, URL, headers, body)"),
            new("F3 or Ctrl+L", "new listener (echo, discard, chargen, daytime, qotd, chat, http, tcp; TLS with a generated certificate)"),
            new("Tab, Shift+Tab", "next / previous pane (list, transcript, input line, details)"),
            new("[ and ]", "previous / next detail tab"),
            new("Alt+1 ... Alt+5", "Transport, Deferreds, Timing, Loop, Log tab"),
            new("z", "zoom: hide the detail pane, give the transcript the width"),
            new("b", "detail tabs at the bottom or at the right (at the bottom by themselves below 120 columns)"),
            new("x", "transcript as text or hex"),
            new("/  n  N", "search the transcript; next, previous match"),
            new("f or End", "follow the transcript's tail again"),
            new("F5", "redraw the screen"),
            new("mouse", "click selects (and expands a listener), wheel scrolls, click a tab or a status key"),
        ]),
        ("Sessions and listeners (the list)", [
            new("Up, Down, PgUp, PgDn, Home, End", "select"),
            new("Enter or i", "type into the selected session (Enter on a listener: show or hide its connections)"),
            new("Space, Right, Left", "show or hide a listener's connections; Left on a connection selects its listener"),
            new("d or Delete", "close the session, or stop the listener"),
            new("D", "abort the session (the peer sees a reset)"),
            new("r", "http session: send its request again, as a new session; line/raw session: switch between line and raw mode"),
        ]),
        ("Transcript", [
            new("Up, Down, PgUp, PgDn, Home", "scroll (scrolling up stops following the tail)"),
            new("End or f", "follow the tail"),
            new("Left, Right", "scroll sideways"),
            new("x", "text (control bytes as \\r \\n \\x00 escapes) or hex dump"),
        ]),
        ("Input line", [
            new("Enter", "send: in line mode the text and the line ending, in raw mode the bytes (escapes decoded)"),
            new("Up, Down", "previous / next line sent"),
            new("Esc", "back to the list"),
            .. inputCommands.Select(c => new KeyHelp(c.Syntax, c.Description)),
        ]),
        ("Deferreds tab", [
            new("Up, Down", "select a Deferred"),
            new("c or Delete", "cancel the selected Deferred while it is pending"),
        ]),
        ("Dialogs", [
            new("Tab", "next field"),
            new("Enter", "confirm (problems are shown in the dialog); on a ○ choice: choose it and go to the next field"),
            new("Esc", "cancel"),
        ]),
    ];
}
