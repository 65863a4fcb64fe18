using System.Globalization;
using System.Text;
using NetScope.Tui.Theme;

namespace NetScope.Tui.Views;

/// <summary>
/// Bytes as the transcript shows them: printable ASCII as is, everything else visible as an
/// escape (<c>\r</c>, <c>\n</c>, <c>\t</c>, <c>\\</c>, <c>\xHH</c>), so no byte can move the cursor or
/// change the terminal, and a line ending is seen for what it is. The same escapes as
/// <c>Escapes.Visible</c> in the CLI (a quote is not escaped here: nothing is quoted).
/// </summary>
internal static class VisibleText
{
    /// <summary>The visible text of <paramref name="bytes"/> (what search matches against).</summary>
    public static string Plain(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (Escape(b) is { } escape)
            {
                builder.Append(escape);
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    /// <summary>The visible text of <paramref name="bytes"/> as runs: text in <paramref name="role"/>, escapes in <see cref="StyleRole.Escape"/>.</summary>
    public static List<Span> Spans(ReadOnlySpan<byte> bytes, StyleRole role)
    {
        var spans = new List<Span>();
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (Escape(b) is { } escape)
            {
                if (text.Length > 0)
                {
                    spans.Add(new Span(text.ToString(), role));
                    text.Clear();
                }

                spans.Add(new Span(escape, StyleRole.Escape));
            }
            else
            {
                text.Append((char)b);
            }
        }

        if (text.Length > 0)
        {
            spans.Add(new Span(text.ToString(), role));
        }

        return spans;
    }

    /// <summary>
    /// Splits <paramref name="spans"/> so that the ranges of <paramref name="matches"/> (start,
    /// length over the joined text) are drawn in <paramref name="highlight"/>.
    /// </summary>
    public static List<Span> Highlight(IReadOnlyList<Span> spans, IReadOnlyList<(int Start, int Length)> matches, StyleRole highlight)
    {
        if (matches.Count == 0)
        {
            return spans.ToList();
        }

        var result = new List<Span>();
        var position = 0;
        foreach (var span in spans)
        {
            var start = position;
            var end = position + span.Text.Length;
            var cursor = start;
            foreach (var (matchStart, length) in matches)
            {
                var from = Math.Max(matchStart, cursor);
                var to = Math.Min(matchStart + length, end);
                if (from >= to)
                {
                    continue;
                }

                if (from > cursor)
                {
                    result.Add(new Span(span.Text[(cursor - start)..(from - start)], span.Role));
                }

                result.Add(new Span(span.Text[(from - start)..(to - start)], highlight));
                cursor = to;
            }

            if (cursor < end)
            {
                result.Add(new Span(span.Text[(cursor - start)..], span.Role));
            }

            position = end;
        }

        return result;
    }

    private static string? Escape(byte b) => b switch
    {
        (byte)'\r' => "\\r",
        (byte)'\n' => "\\n",
        (byte)'\t' => "\\t",
        (byte)'\\' => "\\\\",
        < 0x20 or > 0x7e => "\\x" + b.ToString("x2", CultureInfo.InvariantCulture),
        _ => null,
    };
}
