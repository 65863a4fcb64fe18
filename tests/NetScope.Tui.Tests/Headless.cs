using NetScope.Tui.Theme;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;

namespace NetScope.Tui.Tests;

/// <summary>Terminal.Gui's own test support: an application on the ANSI driver with virtual time and a screen of a given size.</summary>
internal static class Headless
{
    public static TuiStyle Colour { get; } = new(noColor: false, Symbols.Unicode);

    public static TuiStyle Mono { get; } = new(noColor: true, Symbols.Unicode);

    public static IApplication Create(int columns, int rows, VirtualTimeProvider? time = null)
    {
        var app = Application.Create(time ?? new VirtualTimeProvider()).Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(columns, rows);
        return app;
    }

    /// <summary>The screen as text, one string per row (wide glyphs once).</summary>
    public static string[] Screen(IApplication app) => app.Driver!.ToString()!.Split(Environment.NewLine)[..app.Driver.Rows];

    /// <summary>The screen's rows with trailing blanks removed (for assertions on content, not padding).</summary>
    public static string[] Trimmed(IApplication app) => Screen(app).Select(r => r.TrimEnd()).ToArray();
}
