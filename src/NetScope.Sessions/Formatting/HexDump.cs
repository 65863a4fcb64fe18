using System.Globalization;
using System.Text;

namespace NetScope.Sessions.Formatting;

/// <summary>
/// Classic hex dump lines: offset, 16 bytes in hex (two groups of 8), and the printable
/// ASCII of them, e.g. <c>00000010  48 65 6c 6c 6f 0d 0a 00  ...  |Hello...|</c>.
/// </summary>
public static class HexDump
{
    /// <summary>Bytes per line.</summary>
    public const int BytesPerLine = 16;

    /// <summary>
    /// Formats <paramref name="data"/>, whose first byte is at <paramref name="offset"/> in its
    /// stream, as lines each starting with <paramref name="prefix"/> (a direction marker, say).
    /// </summary>
    public static IReadOnlyList<string> Format(ReadOnlySpan<byte> data, long offset, string prefix = "")
    {
        var lines = new List<string>((data.Length + BytesPerLine - 1) / BytesPerLine);
        for (var start = 0; start < data.Length; start += BytesPerLine)
        {
            lines.Add(FormatLine(data.Slice(start, Math.Min(BytesPerLine, data.Length - start)), offset + start, prefix));
        }

        return lines;
    }

    /// <summary>Formats one line of up to <see cref="BytesPerLine"/> bytes.</summary>
    public static string FormatLine(ReadOnlySpan<byte> row, long offset, string prefix = "")
    {
        var text = new StringBuilder(prefix.Length + 80);
        text.Append(prefix).Append(offset.ToString("x8", CultureInfo.InvariantCulture)).Append("  ");
        for (var i = 0; i < BytesPerLine; i++)
        {
            if (i == 8)
            {
                text.Append(' ');
            }

            if (i < row.Length)
            {
                text.Append(row[i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                text.Append("   ");
            }
        }

        text.Append(" |");
        foreach (var b in row)
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }

        return text.Append('|').ToString();
    }
}
