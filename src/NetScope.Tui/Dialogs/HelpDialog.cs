using NetScope.Tui.Input;
using NetScope.Tui.Theme;
using NetScope.Tui.Views;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Dialogs;

/// <summary>Every key and input command, by section, in a scrollable dialog (Esc or Enter closes it).</summary>
internal sealed class HelpDialog : Dialog
{
    public HelpDialog(TuiStyle style, IReadOnlyList<(string Section, IReadOnlyList<KeyHelp> Keys)> sections)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(sections);
        Title = "Help: keys and commands";
        Width = Dim.Percent(90);
        Height = Dim.Percent(90);
        SetScheme(style.Dialog);
        var width = sections.SelectMany(s => s.Keys).Max(k => k.Keys.Length) + 2;
        var lines = new List<StyledLine>();
        foreach (var (section, keys) in sections)
        {
            if (lines.Count > 0)
            {
                lines.Add(StyledLine.Blank);
            }

            lines.Add(StyledLine.Of(section, StyleRole.Heading));
            lines.AddRange(keys.Select(k => new StyledLine([new Span("  " + k.Keys.PadRight(width), StyleRole.Hint), new Span(k.Description, StyleRole.Normal)])));
        }

        Lines = new LinesPane(style) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        Lines.SetScheme(style.Main);
        Lines.SetLines(lines);
        Add(Lines);
        AddButton(new Button { Title = "Close" });
        Lines.SetFocus();
    }

    /// <summary>The help's lines.</summary>
    public LinesPane Lines { get; }
}
