using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace NetScope.Web.Http.Parsing;

/// <summary>Percent-decoding (RFC 3986 section 2.1) of URL components into UTF-8 text.</summary>
internal static class PercentEncoding
{
    private const int StackLimit = 256;

    /// <summary>
    /// Decodes leniently: a malformed escape stays as it is and invalid UTF-8 becomes U+FFFD, so the result
    /// can never contain a character that was not sent (an overlong "%C0%AE" does not turn into ".").
    /// </summary>
    public static string Decode(string value, bool plusIsSpace)
    {
        if (!NeedsDecoding(value, plusIsSpace))
        {
            return value;
        }

        TryDecodeCore(value, plusIsSpace, strict: false, out var decoded);
        return decoded!;
    }

    /// <summary>Decodes leniently (see <see cref="Decode(string, bool)"/>).</summary>
    public static string Decode(ReadOnlySpan<char> value, bool plusIsSpace)
    {
        if (!NeedsDecoding(value, plusIsSpace))
        {
            return value.ToString();
        }

        TryDecodeCore(value, plusIsSpace, strict: false, out var decoded);
        return decoded!;
    }

    /// <summary>Decodes strictly: a malformed escape or invalid UTF-8 makes the whole value invalid.</summary>
    public static bool TryDecode(ReadOnlySpan<char> value, bool plusIsSpace, [NotNullWhen(true)] out string? decoded) =>
        TryDecodeCore(value, plusIsSpace, strict: true, out decoded);

    private static bool NeedsDecoding(ReadOnlySpan<char> value, bool plusIsSpace) =>
        plusIsSpace ? value.ContainsAny('%', '+') : value.Contains('%');

    private static bool TryDecodeCore(ReadOnlySpan<char> value, bool plusIsSpace, bool strict, [NotNullWhen(true)] out string? decoded)
    {
        decoded = null;
        var maxBytes = value.Length * 3;
        byte[]? rented = null;
        var bytes = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%')
                {
                    if (i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
                    {
                        bytes[length++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                        i += 2;
                        continue;
                    }

                    if (strict)
                    {
                        return false;
                    }

                    bytes[length++] = (byte)'%';
                }
                else if (c == '+' && plusIsSpace)
                {
                    bytes[length++] = (byte)' ';
                }
                else if (c < 0x80)
                {
                    bytes[length++] = (byte)c;
                }
                else
                {
                    // Text typed by a user (a query built in code, a URL on the command line) may hold non-ASCII.
                    if (Rune.DecodeFromUtf16(value[i..], out var rune, out var used) != OperationStatus.Done)
                    {
                        if (strict)
                        {
                            return false;
                        }

                        rune = Rune.ReplacementChar;
                    }

                    length += rune.EncodeToUtf8(bytes[length..]);
                    i += used - 1;
                }
            }

            var utf8 = bytes[..length];
            if (strict && !Utf8.IsValid(utf8))
            {
                return false;
            }

            decoded = Encoding.UTF8.GetString(utf8);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
