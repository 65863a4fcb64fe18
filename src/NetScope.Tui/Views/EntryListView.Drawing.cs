using System.Globalization;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace NetScope.Tui.Views;

/// <content>Drawing the rows: state symbol, number, kind, target, bytes in and out, age.</content>
internal sealed partial class EntryListView
{
    /// <summary>Rows above the entries: the column header.</summary>
    public const int HeaderRows = 1;

    /// <summary>The width of the in/out/age columns at the right.</summary>
    private const int CountsWidth = 17;

    /// <summary>The symbol of <paramref name="status"/>.</summary>
    public static char Symbol(EntryStatus status, Symbols symbols) => status switch
    {
        EntryStatus.Connecting or EntryStatus.Starting => symbols.Connecting,
        EntryStatus.Open => symbols.Open,
        EntryStatus.Secure => symbols.Secure,
        EntryStatus.Closing => symbols.Closing,
        EntryStatus.Listening => symbols.Listening,
        EntryStatus.Failed => symbols.Failed,
        _ => symbols.Closed,
    };

    /// <summary>The role that colours <paramref name="status"/>.</summary>
    public static StyleRole RoleOf(EntryStatus status) => status switch
    {
        EntryStatus.Connecting or EntryStatus.Starting or EntryStatus.Closing => StyleRole.Waiting,
        EntryStatus.Open or EntryStatus.Listening => StyleRole.Good,
        EntryStatus.Secure => StyleRole.Secure,
        EntryStatus.Failed => StyleRole.Bad,
        _ => StyleRole.Ended,
    };

    /// <summary>The text of a row <paramref name="width"/> cells wide (without colours): what tests compare.</summary>
    internal string RowText(int index, int width) => string.Concat(RowSpans(_visible[index], width).Select(s => s.Text));

    /// <inheritdoc/>
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = Painter.Normal(this);
        var width = Viewport.Width;
        Attribute Role(StyleRole role) => _style.For(role, normal);
        Painter.Draw(this, 0, 0, width, [new Span(Header(width), StyleRole.Dim)], Role, normal);
        for (var row = 0; row < Rows; row++)
        {
            var index = _top + row;
            if (index >= _visible.Count)
            {
                var hint = _visible.Count == 0 && row == 0
                    ? new[] { new Span("nothing yet: F2 session, F3 listener", StyleRole.Hint) }
                    : [];
                Painter.Draw(this, 0, row + HeaderRows, width, hint, Role, normal);
                continue;
            }

            var visible = _visible[index];
            if (visible.Row.Id == _selectedId)
            {
                var selected = HasFocus ? GetAttributeForRole(VisualRole.Focus) : _style.For(StyleRole.Selected, normal);
                Painter.Draw(this, 0, row + HeaderRows, width, RowSpans(visible, width), _ => selected, selected);
            }
            else
            {
                Painter.Draw(this, 0, row + HeaderRows, width, RowSpans(visible, width), Role, normal);
            }
        }

        return true;
    }

    private static string Header(int width)
    {
        var left = "    #   kind   target";
        var right = "   in/out    age ";
        return width >= left.Length + right.Length ? left.PadRight(width - right.Length) + right : left;
    }

    private IEnumerable<Span> RowSpans(ShownRow visible, int width)
    {
        var row = visible.Row;
        var symbols = _style.Symbols;
        var lead = row.IsListener
            ? (_collapsed.Contains(row.Id) ? symbols.Collapsed : symbols.Expanded) + " "
            : visible.Depth > 0 ? " " + (visible.LastChild ? symbols.Tree[1] : symbols.Tree[0])
            : "  ";
        var kind = (row.IsListener || visible.Depth == 0 ? row.Kind : "conn").PadRight(6);
        var number = ("#" + row.Id.ToString(CultureInfo.InvariantCulture)).PadRight(4);
        var counts = row.IsListener
            ? (visible.Children == 1 ? "1 conn" : string.Create(CultureInfo.InvariantCulture, $"{visible.Children} conns")).PadLeft(11) + " " + Units.Age(row.Age(_now)).PadLeft(4) + " "
            : (Units.ShortBytes(row.BytesIn).PadLeft(5) + "/" + Units.ShortBytes(row.BytesOut).PadRight(5)) + " " + Units.Age(row.Age(_now)).PadLeft(4) + " ";
        var fixedLeft = lead.Length + 2 + number.Length + kind.Length + 1;
        var targetWidth = Math.Max(0, width - fixedLeft - CountsWidth);
        var target = Painter.Fit(row.ShownTarget, targetWidth, symbols.Ellipsis).PadRight(targetWidth);
        var role = RoleOf(row.Status);
        return
        [
            new Span(lead, StyleRole.Dim),
            new Span(Symbol(row.Status, symbols) + " ", role),
            new Span(number, StyleRole.Normal),
            new Span(kind + " ", row.IsListener ? StyleRole.Heading : StyleRole.Normal),
            new Span(target, row.Ended ? StyleRole.Ended : StyleRole.Normal),
            new Span(counts, StyleRole.Dim),
        ];
    }
}
