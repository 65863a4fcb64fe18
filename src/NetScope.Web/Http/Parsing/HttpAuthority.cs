using System.Net;
using System.Net.Sockets;

namespace NetScope.Web.Http.Parsing;

/// <summary>Parses <c>uri-host [ ":" port ]</c> (RFC 3986 section 3.2.2 and 3.2.3), as found in Host and in URLs.</summary>
internal static class HttpAuthority
{
    /// <summary>Splits and validates an authority without userinfo.</summary>
    /// <param name="authority">For example <c>example.com:8080</c> or <c>[::1]</c>.</param>
    /// <param name="allowZoneId">Whether an IPv6 literal may carry a zone (<c>%25eth0</c>, RFC 6874).</param>
    /// <param name="host">The host without brackets; may be empty.</param>
    /// <param name="port">The port, or -1 when absent or empty.</param>
    /// <param name="isIPv6Literal">Whether the host was in brackets.</param>
    /// <returns>Whether the authority is well formed.</returns>
    public static bool TryParse(
        ReadOnlySpan<char> authority,
        bool allowZoneId,
        out ReadOnlySpan<char> host,
        out int port,
        out bool isIPv6Literal)
    {
        port = -1;
        host = default;
        isIPv6Literal = false;
        ReadOnlySpan<char> portText;
        if (!authority.IsEmpty && authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0 || !IsIPv6Literal(authority[1..close], allowZoneId))
            {
                return false;
            }

            host = authority[1..close];
            isIPv6Literal = true;
            var after = authority[(close + 1)..];
            if (!after.IsEmpty && after[0] != ':')
            {
                return false;
            }

            portText = after.IsEmpty ? default : after[1..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? default : authority[(colon + 1)..];
            if (!IsRegName(host))
            {
                return false;
            }
        }

        return portText.IsEmpty || TryParsePort(portText, out port);
    }

    /// <summary>Whether <paramref name="value"/> is a valid Host field value (RFC 9110 section 7.2).</summary>
    public static bool IsValidHostField(ReadOnlySpan<char> value) => TryParse(value, allowZoneId: false, out _, out _, out _);

    private static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    private static bool IsIPv6Literal(ReadOnlySpan<char> text, bool allowZoneId)
    {
        var percent = text.IndexOf('%');
        if (percent >= 0)
        {
            // RFC 6874: the zone is introduced by "%25" and is made of unreserved or percent-encoded characters.
            if (!allowZoneId || !text[percent..].StartsWith("%25") || text.Length == percent + 3 || !IsRegName(text[(percent + 3)..]))
            {
                return false;
            }

            text = text[..percent];
        }

        return text.Contains(':') && IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    /// <summary>reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4 address is a reg-name too.</summary>
    private static bool IsRegName(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=')
            {
                continue;
            }

            if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                i += 2;
                continue;
            }

            return false;
        }

        return true;
    }
}
