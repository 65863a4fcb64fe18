using System.Text;

namespace NetScope.Core.Tls;

/// <summary>
/// Describes the first bytes of a peer that does not speak TLS, e.g.
/// <c>an HTTP response: "HTTP/1.1 400 Bad Request"</c>.
/// </summary>
internal sealed record NonTlsPeer(string What, string Shown, byte[] Prefix)
{
    public const int MaxPrefix = 64;

    private const int MaxShown = 60;

    /// <summary>True when <paramref name="first"/> can begin a TLS record sent at the start of a connection.</summary>
    public static bool CanStartTls(ReadOnlySpan<byte> first)
    {
        // A connection opens with a handshake record (22) or, when the peer refuses at once, an alert (21);
        // both carry record-layer version 3.x.
        if (first.Length >= 1 && first[0] is not (21 or 22))
        {
            return false;
        }

        if (first.Length >= 2 && first[1] != 3)
        {
            return false;
        }

        return first.Length < 3 || first[2] <= 4;
    }

    public static NonTlsPeer Describe(ReadOnlySpan<byte> prefix)
    {
        var bytes = prefix[..Math.Min(prefix.Length, MaxPrefix)].ToArray();
        return new NonTlsPeer(Guess(bytes), Show(bytes), bytes);
    }

    public string ToMessage() => $"peer is not speaking TLS: it sent {What}: \"{Shown}\"";

    private static string Guess(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("HTTP/"u8))
        {
            return "an HTTP response";
        }

        foreach (var method in (ReadOnlySpan<string>)["GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "PATCH "])
        {
            if (bytes.StartsWith(Encoding.ASCII.GetBytes(method)))
            {
                return "an HTTP request";
            }
        }

        if (bytes.StartsWith("SSH-"u8))
        {
            return "an SSH banner";
        }

        if (bytes.StartsWith("220"u8))
        {
            return "an SMTP or FTP greeting";
        }

        if (bytes.StartsWith("+OK"u8))
        {
            return "a POP3 greeting";
        }

        if (bytes.StartsWith("* OK"u8))
        {
            return "an IMAP greeting";
        }

        return "data that is not a TLS record";
    }

    /// <summary>The first line, printable ASCII kept and everything else escaped as <c>\xNN</c>.</summary>
    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n' && text.Length > 0)
            {
                break;
            }

            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\\')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:X2}");
            }

            if (text.Length >= MaxShown)
            {
                text.Append("...");
                break;
            }
        }

        return text.ToString();
    }
}
