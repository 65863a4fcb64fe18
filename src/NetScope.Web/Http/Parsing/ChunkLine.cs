namespace NetScope.Web.Http.Parsing;

/// <summary>Parses <c>chunk-size [ chunk-ext ]</c> (RFC 9112 section 7.1).</summary>
internal static class ChunkLine
{
    /// <summary>Parses a chunk-size line without its CRLF; extensions are validated and dropped.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out long size, out HttpParseErrorKind error)
    {
        size = 0;
        var i = 0;
        for (; i < line.Length; i++)
        {
            var digit = HexValue(line[i]);
            if (digit < 0)
            {
                break;
            }

            if (size > long.MaxValue >> 4)
            {
                error = HttpParseErrorKind.ChunkSizeOverflow;
                return false;
            }

            size = (size << 4) | (uint)digit;
        }

        if (i == 0)
        {
            error = HttpParseErrorKind.InvalidChunkSize;
            return false;
        }

        if (!IsValidExtensionList(line[i..]))
        {
            error = HttpParseErrorKind.InvalidChunkExtension;
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Checks <c>*( BWS ";" BWS ext-name [ BWS "=" BWS ( token / quoted-string ) ] )</c>.</summary>
    private static bool IsValidExtensionList(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = SkipWhitespace(text, i);
            if (i == text.Length || text[i] != ';')
            {
                return false;
            }

            i = SkipWhitespace(text, i + 1);
            var nameEnd = SkipToken(text, i);
            if (nameEnd == i)
            {
                return false;
            }

            i = nameEnd;
            var afterSpace = SkipWhitespace(text, i);
            if (afterSpace == text.Length || text[afterSpace] != '=')
            {
                continue; // No value: whitespace here must be followed by the next ';'.
            }

            i = SkipWhitespace(text, afterSpace + 1);
            if (i < text.Length && text[i] == '"')
            {
                i = SkipQuotedString(text, i);
                if (i < 0)
                {
                    return false;
                }
            }
            else
            {
                var valueEnd = SkipToken(text, i);
                if (valueEnd == i)
                {
                    return false;
                }

                i = valueEnd;
            }
        }

        return true;
    }

    /// <summary>Returns the index after the closing quote, or -1 when the string is malformed.</summary>
    private static int SkipQuotedString(ReadOnlySpan<byte> text, int openingQuote)
    {
        for (var i = openingQuote + 1; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '"')
            {
                return i + 1;
            }

            if (b == '\\')
            {
                i++;
                if (i == text.Length || !IsQuotedPairByte(text[i]))
                {
                    return -1;
                }
            }
            else if (!IsQuotedPairByte(b))
            {
                return -1;
            }
        }

        return -1;
    }

    // qdtext and quoted-pair both allow HTAB, SP, visible ASCII and obs-text; only DQUOTE and "\" are special.
    private static bool IsQuotedPairByte(byte b) => b == '\t' || (b >= ' ' && b != 0x7F);

    private static int SkipToken(ReadOnlySpan<byte> text, int start)
    {
        var i = start;
        while (i < text.Length && HttpSyntax.TokenBytes.Contains(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> text, int start)
    {
        var i = start;
        while (i < text.Length && HttpSyntax.IsWhitespace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
