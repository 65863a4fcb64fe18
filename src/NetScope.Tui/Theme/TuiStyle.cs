using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace NetScope.Tui.Theme;

/// <summary>
/// The TUI's colours and symbols in one place: a 16-colour scheme, or, with <c>NO_COLOR</c> set,
/// the terminal's own colours with bold, faint, underline and reverse only. Views never name a
/// colour themselves: they ask this class for the attribute of a role, so monochrome is one switch.
/// </summary>
internal sealed class TuiStyle
{
    /// <summary>Creates the style; <paramref name="noColor"/> selects monochrome, <paramref name="symbols"/> the symbols.</summary>
    public TuiStyle(bool noColor, Symbols symbols)
    {
        NoColor = noColor;
        Symbols = symbols;
        Main = noColor ? Mono : new Scheme
        {
            Normal = new Attribute(ColorName16.Gray, ColorName16.Black),
            Focus = new Attribute(ColorName16.Black, ColorName16.Cyan),
            HotNormal = new Attribute(ColorName16.BrightYellow, ColorName16.Black),
            HotFocus = new Attribute(ColorName16.Blue, ColorName16.Cyan),
            Active = new Attribute(ColorName16.White, ColorName16.DarkGray),
            HotActive = new Attribute(ColorName16.BrightYellow, ColorName16.DarkGray),
            Editable = new Attribute(ColorName16.White, ColorName16.Black),
            ReadOnly = new Attribute(ColorName16.Gray, ColorName16.Black),
            Disabled = new Attribute(ColorName16.DarkGray, ColorName16.Black),
            Highlight = new Attribute(ColorName16.BrightCyan, ColorName16.Black),
        };
        Bar = noColor ? Mono : new Scheme
        {
            Normal = new Attribute(ColorName16.Black, ColorName16.Gray),
            HotNormal = new Attribute(ColorName16.Red, ColorName16.Gray),
            Focus = new Attribute(ColorName16.White, ColorName16.Blue),
            HotFocus = new Attribute(ColorName16.BrightYellow, ColorName16.Blue),
        };
        Dialog = noColor ? Mono : new Scheme
        {
            Normal = new Attribute(ColorName16.Black, ColorName16.Gray),
            HotNormal = new Attribute(ColorName16.Red, ColorName16.Gray),
            Focus = new Attribute(ColorName16.White, ColorName16.Blue),
            HotFocus = new Attribute(ColorName16.BrightYellow, ColorName16.Blue),
            Editable = new Attribute(ColorName16.White, ColorName16.DarkGray),
            Active = new Attribute(ColorName16.White, ColorName16.DarkGray),
            Disabled = new Attribute(ColorName16.DarkGray, ColorName16.Gray),
        };
    }

    /// <summary>The style the process runs with: monochrome when <c>NO_COLOR</c> is set (any value), ASCII symbols on terminals without them.</summary>
    public static TuiStyle FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("NO_COLOR") is not null, Symbols.For(Environment.GetEnvironmentVariable("TERM")));

    /// <summary>Monochrome: no colour at all, only text styles.</summary>
    public bool NoColor { get; }

    /// <summary>The symbols in use.</summary>
    public Symbols Symbols { get; }

    /// <summary>The panes.</summary>
    public Scheme Main { get; }

    /// <summary>The status bar.</summary>
    public Scheme Bar { get; }

    /// <summary>Dialogs and message boxes.</summary>
    public Scheme Dialog { get; }

    /// <summary>Terminal default colours (SGR 39/49) and text styles only.</summary>
    public static Scheme Mono { get; } = new()
    {
        Normal = new Attribute(Color.None, Color.None),
        Focus = new Attribute(Color.None, Color.None, TextStyle.Reverse),
        HotNormal = new Attribute(Color.None, Color.None, TextStyle.Underline),
        HotFocus = new Attribute(Color.None, Color.None, TextStyle.Reverse | TextStyle.Underline),
        Active = new Attribute(Color.None, Color.None, TextStyle.Bold),
        HotActive = new Attribute(Color.None, Color.None, TextStyle.Bold | TextStyle.Underline),
        Editable = new Attribute(Color.None, Color.None, TextStyle.Underline),
        ReadOnly = new Attribute(Color.None, Color.None),
        Disabled = new Attribute(Color.None, Color.None, TextStyle.Faint),
        Highlight = new Attribute(Color.None, Color.None, TextStyle.Bold),
    };

    /// <summary>The attribute of <paramref name="role"/> drawn over <paramref name="normal"/> (the pane's own normal attribute).</summary>
    public Attribute For(StyleRole role, Attribute normal) => NoColor ? Monochrome(role, normal) : Coloured(role, normal);

    private static Attribute Coloured(StyleRole role, Attribute normal)
    {
        var background = normal.Background;
        return role switch
        {
            StyleRole.Sent => new Attribute(ColorName16.BrightCyan, background),
            StyleRole.Received => new Attribute(ColorName16.BrightGreen, background),
            StyleRole.Note => new Attribute(ColorName16.Gray, background, TextStyle.Italic),
            StyleRole.Escape => new Attribute(ColorName16.BrightMagenta, background),
            StyleRole.Time => new Attribute(ColorName16.DarkGray, background),
            StyleRole.Dropped => new Attribute(ColorName16.BrightYellow, ColorName16.Red, TextStyle.Bold),
            StyleRole.SearchHit => new Attribute(ColorName16.Black, ColorName16.BrightYellow),
            StyleRole.Good => new Attribute(ColorName16.BrightGreen, background),
            StyleRole.Secure => new Attribute(ColorName16.BrightCyan, background, TextStyle.Bold),
            StyleRole.Waiting => new Attribute(ColorName16.Yellow, background),
            StyleRole.Ended => new Attribute(ColorName16.DarkGray, background),
            StyleRole.Bad => new Attribute(ColorName16.BrightRed, background, TextStyle.Bold),
            StyleRole.Heading => new Attribute(ColorName16.White, background, TextStyle.Bold),
            StyleRole.Dim => new Attribute(ColorName16.DarkGray, background),
            StyleRole.Graph => new Attribute(ColorName16.BrightCyan, background),
            StyleRole.Hint => new Attribute(ColorName16.BrightYellow, background),
            StyleRole.Selected => new Attribute(ColorName16.White, ColorName16.DarkGray),
            _ => normal,
        };
    }

    private static Attribute Monochrome(StyleRole role, Attribute normal) => role switch
    {
        StyleRole.Sent => normal with { Style = TextStyle.Bold },
        StyleRole.Note => normal with { Style = TextStyle.Italic },
        StyleRole.Escape => normal with { Style = TextStyle.Underline },
        StyleRole.Time => normal with { Style = TextStyle.Faint },
        StyleRole.Dropped => normal with { Style = TextStyle.Reverse | TextStyle.Bold },
        StyleRole.SearchHit => normal with { Style = TextStyle.Reverse | TextStyle.Underline },
        StyleRole.Good => normal with { Style = TextStyle.Bold },
        StyleRole.Secure => normal with { Style = TextStyle.Bold | TextStyle.Underline },
        StyleRole.Waiting => normal with { Style = TextStyle.Italic },
        StyleRole.Ended => normal with { Style = TextStyle.Faint },
        StyleRole.Bad => normal with { Style = TextStyle.Bold | TextStyle.Underline },
        StyleRole.Heading => normal with { Style = TextStyle.Bold },
        StyleRole.Dim => normal with { Style = TextStyle.Faint },
        StyleRole.Hint => normal with { Style = TextStyle.Bold },
        StyleRole.Selected => normal with { Style = TextStyle.Reverse },
        _ => normal,
    };
}
