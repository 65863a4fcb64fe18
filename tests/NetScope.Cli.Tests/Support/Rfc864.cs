using System.Text;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// RFC 864's chargen pattern, written out here from the RFC rather than taken from NetScope:
/// the 95 printable ASCII characters as a ring starting at '!' (space comes after '~'), 72 of
/// them per line, each line starting one character further round, each ended by CR LF.
/// </summary>
internal static class Rfc864
{
    /// <summary>Bytes per line, CR LF included.</summary>
    public const int LineBytes = 74;

    /// <summary>The first three lines as the RFC prints them.</summary>
    public static readonly string[] FirstLines =
    [
        "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefgh",
        "\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghi",
        "#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghij",
    ];

    private const string Ring = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ";

    /// <summary>The first <paramref name="count"/> bytes of the stream a chargen server sends.</summary>
    public static byte[] Stream(int count)
    {
        var text = new StringBuilder(count + LineBytes);
        for (var line = 0; text.Length < count; line++)
        {
            for (var column = 0; column < 72; column++)
            {
                text.Append(Ring[(line + column) % Ring.Length]);
            }

            text.Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, count));
    }
}
