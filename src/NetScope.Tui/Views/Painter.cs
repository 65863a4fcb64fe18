using NetScope.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <summary>Draws styled runs into a view row: clipped to a width, shifted by a horizontal scroll, padded so no stale cell survives.</summary>
internal static class Painter
{
    /// <summary>
    /// Draws <paramref name="spans"/> at (<paramref name="column"/>, <paramref name="row"/>) over
    /// <paramref name="width"/> cells, skipping the first <paramref name="skip"/> characters;
    /// <paramref name="attribute"/> maps a role to its attribute, <paramref name="fill"/> pads the rest.
    /// </summary>
    public static void Draw(View view, int column, int row, int width, IEnumerable<Span> spans, Func<StyleRole, Attribute> attribute, Attribute fill, int skip = 0)
    {
        if (width <= 0)
        {
            return;
        }

        view.Move(column, row);
        var used = 0;
        foreach (var span in spans)
        {
            if (used >= width)
            {
                break;
            }

            var text = span.Text;
            if (skip > 0)
            {
                if (skip >= text.Length)
                {
                    skip -= text.Length;
                    continue;
                }

                text = text[skip..];
                skip = 0;
            }

            if (text.Length > width - used)
            {
                text = text[..(width - used)];
            }

            if (text.Length == 0)
            {
                continue;
            }

            view.SetAttribute(attribute(span.Role));
            view.AddStr(text);
            used += text.Length;
        }

        if (used < width)
        {
            view.SetAttribute(fill);
            view.AddStr(new string(' ', width - used));
        }
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="width"/> cells, marking the cut with <paramref name="ellipsis"/>.</summary>
    public static string Fit(string text, int width, char ellipsis)
    {
        if (width <= 0)
        {
            return string.Empty;
        }

        return text.Length <= width ? text : text[..(width - 1)] + ellipsis;
    }

    /// <summary>The attribute of the view's normal role.</summary>
    public static Attribute Normal(View view) => view.GetAttributeForRole(VisualRole.Normal);
}
