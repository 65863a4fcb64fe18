namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// RFC 864's recommended pattern: 72-character lines of the 95 printable ASCII characters
/// taken as a ring, each line starting one character further round, each ended by CR LF.
/// The ring starts at '!' and ends with the space, as in the RFC's example, so line 0 is
/// <c>!"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefgh</c>.
/// </summary>
internal static class ChargenPattern
{
    /// <summary>Printable characters in the ring.</summary>
    public const int RingSize = 95;

    /// <summary>Characters on a line, before CR LF.</summary>
    public const int LineLength = 72;

    /// <summary>Bytes a line takes, with CR LF.</summary>
    public const int LineBytes = LineLength + 2;

    /// <summary>
    /// Two full cycles of 95 lines back to back, so that up to 95 lines starting at any line
    /// of the cycle are one contiguous slice.
    /// </summary>
    private static readonly byte[] TwoCycles = Build();

    /// <summary>The bytes of <paramref name="count"/> lines (1 to 95) starting at line <paramref name="first"/> of the cycle (0 to 94).</summary>
    public static ReadOnlySpan<byte> Lines(int first, int count) => TwoCycles.AsSpan(first * LineBytes, count * LineBytes);

    private static byte[] Build()
    {
        var bytes = new byte[2 * RingSize * LineBytes];
        for (var line = 0; line < 2 * RingSize; line++)
        {
            var offset = line * LineBytes;
            for (var column = 0; column < LineLength; column++)
            {
                // '!' (33) to '~' (126), then ' ' (32).
                bytes[offset + column] = (byte)(' ' + ((line + column + 1) % RingSize));
            }

            bytes[offset + LineLength] = (byte)'\r';
            bytes[offset + LineLength + 1] = (byte)'\n';
        }

        return bytes;
    }
}
