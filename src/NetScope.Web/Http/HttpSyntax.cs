using System.Buffers;

namespace NetScope.Web.Http;

/// <summary>The character classes of RFC 9110 and 9112, as validation helpers.</summary>
public static class HttpSyntax
{
    private const string TokenCharacters =
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    internal static readonly SearchValues<byte> TokenBytes = SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    internal static readonly SearchValues<char> TokenChars = SearchValues.Create(TokenCharacters);

    // Field values allow HTAB, SP, VCHAR and obs-text; everything else is a control character or DEL.
    internal static readonly SearchValues<byte> InvalidFieldValueBytes = SearchValues.Create(
        "\0\x01\x02\x03\x04\x05\x06\x07\x08\n\x0B\x0C\r\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F\x7F"u8);

    // The request-target may hold visible ASCII except '#' (a fragment is never sent).
    internal static readonly SearchValues<byte> TargetBytes = SearchValues.Create(BuildTargetBytes());

    internal static ReadOnlySpan<byte> Whitespace => " \t"u8;

    /// <summary>Whether <paramref name="value"/> is a non-empty token (methods, field names, transfer codings).</summary>
    /// <param name="value">The characters to check.</param>
    /// <returns><see langword="true"/> when every character is a tchar.</returns>
    public static bool IsToken(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);

    /// <summary>Whether <paramref name="value"/> is a non-empty token, given as bytes.</summary>
    /// <param name="value">The bytes to check.</param>
    /// <returns><see langword="true"/> when every byte is a tchar.</returns>
    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenBytes);

    /// <summary>Whether <paramref name="value"/> may be sent as a field name.</summary>
    /// <param name="value">The name to check.</param>
    /// <returns><see langword="true"/> for a non-empty token.</returns>
    public static bool IsValidFieldName(ReadOnlySpan<char> value) => IsToken(value);

    /// <summary>
    /// Whether <paramref name="value"/> may be sent as a field value: HTAB, SP, visible ASCII and
    /// obs-text (U+0080 to U+00FF, sent as one byte each), without leading or trailing whitespace.
    /// </summary>
    /// <param name="value">The value to check; it may be empty.</param>
    /// <returns><see langword="true"/> when the value cannot break the message framing.</returns>
    public static bool IsValidFieldValue(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        if (IsWhitespace(value[0]) || IsWhitespace(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsFieldValueChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a valid field value received as bytes (already trimmed).</summary>
    /// <param name="value">The bytes to check.</param>
    /// <returns><see langword="true"/> when no control character or DEL is present.</returns>
    public static bool IsValidFieldValue(ReadOnlySpan<byte> value) => !value.ContainsAny(InvalidFieldValueBytes);

    /// <summary>Whether <paramref name="value"/> may be sent as a reason phrase: HTAB, SP, visible ASCII, obs-text.</summary>
    /// <param name="value">The phrase to check; it may be empty.</param>
    /// <returns><see langword="true"/> when the phrase cannot break the status line.</returns>
    public static bool IsValidReasonPhrase(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!IsFieldValueChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> may be sent as a request-target: visible ASCII except <c>#</c>.</summary>
    /// <param name="value">The target to check.</param>
    /// <returns><see langword="true"/> for a non-empty target without spaces, controls or non-ASCII characters.</returns>
    public static bool IsValidRequestTarget(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or >= '\x7F' or '#')
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsWhitespace(char c) => c is ' ' or '\t';

    internal static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool IsFieldValueChar(char c) => c == '\t' || (c >= ' ' && c != '\x7F' && c <= '\xFF');

    private static byte[] BuildTargetBytes()
    {
        var bytes = new List<byte>();
        for (var b = 0x21; b < 0x7F; b++)
        {
            if (b != '#')
            {
                bytes.Add((byte)b);
            }
        }

        return [.. bytes];
    }
}
