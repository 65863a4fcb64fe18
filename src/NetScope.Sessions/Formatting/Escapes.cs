using System.Globalization;
using System.Text;

namespace NetScope.Sessions.Formatting;

/// <summary>
/// Backslash escapes in text a user types (<c>--send 'HELO x\r\n'</c>, the TUI's raw input):
/// <c>\r \n \t \0 \a \b \f \v \e \\</c>, <c>\xHH</c> for any byte, and <c>\u{H...}</c> for a
/// Unicode character (sent as UTF-8). Everything else is sent as UTF-8.
/// </summary>
public static class Escapes
{
    /// <summary>Turns <paramref name="text"/> with escapes into the bytes to send.</summary>
    /// <exception cref="FormatException">A malformed escape; the message says where.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\')
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length)
                {
                    AddUtf8(bytes, text.AsSpan(i, 2), utf8);
                    i++;
                }
                else
                {
                    AddUtf8(bytes, text.AsSpan(i, 1), utf8);
                }

                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw new FormatException($"a lone backslash at the end of '{text}' (write \\\\ for a backslash)");
            }

            var e = text[++i];
            switch (e)
            {
                case 'r':
                    bytes.Add((byte)'\r');
                    break;
                case 'n':
                    bytes.Add((byte)'\n');
                    break;
                case 't':
                    bytes.Add((byte)'\t');
                    break;
                case '0':
                    bytes.Add(0);
                    break;
                case 'a':
                    bytes.Add(7);
                    break;
                case 'b':
                    bytes.Add(8);
                    break;
                case 'f':
                    bytes.Add(12);
                    break;
                case 'v':
                    bytes.Add(11);
                    break;
                case 'e':
                    bytes.Add(27);
                    break;
                case '\\':
                    bytes.Add((byte)'\\');
                    break;
                case 'x':
                    if (text.Length - i - 1 < 2 || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
                    {
                        throw new FormatException($"\\x needs two hex digits at position {i - 1} of '{text}'");
                    }

                    bytes.Add(value);
                    i += 2;
                    break;
                case 'u':
                    var close = text.IndexOf('}', i);
                    if (i + 1 >= text.Length || text[i + 1] != '{' || close < 0
                        || !int.TryParse(text.AsSpan(i + 2, close - i - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                        || codePoint > 0x10FFFF || codePoint is >= 0xD800 and <= 0xDFFF)
                    {
                        throw new FormatException($"\\u needs a code point like \\u{{263A}} at position {i - 1} of '{text}'");
                    }

                    AddUtf8(bytes, char.ConvertFromUtf32(codePoint), utf8);
                    i = close;
                    break;
                default:
                    throw new FormatException($"unknown escape \\{e} at position {i - 1} of '{text}'");
            }
        }

        return bytes.ToArray();
    }

    /// <summary>
    /// Shows <paramref name="text"/> (bytes as Latin-1 characters) quoted, with control bytes and
    /// bytes above 0x7E escaped, so nothing invisible or terminal-changing reaches the screen.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            AppendVisible(builder, c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Shows <paramref name="bytes"/> with control and non-ASCII bytes escaped (no quotes).</summary>
    public static string Visible(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            AppendVisible(builder, (char)b);
        }

        return builder.ToString();
    }

    private static void AppendVisible(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\r':
                builder.Append("\\r");
                break;
            case '\n':
                builder.Append("\\n");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            case '\\':
                builder.Append("\\\\");
                break;
            case '"':
                builder.Append("\\\"");
                break;
            default:
                if (c is < ' ' or > '~')
                {
                    builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }

                break;
        }
    }

    private static void AddUtf8(List<byte> bytes, ReadOnlySpan<char> chars, Span<byte> scratch)
    {
        var count = Encoding.UTF8.GetBytes(chars, scratch);
        for (var i = 0; i < count; i++)
        {
            bytes.Add(scratch[i]);
        }
    }
}
