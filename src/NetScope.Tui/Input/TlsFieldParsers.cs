using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;

namespace NetScope.Tui.Input;

/// <summary>
/// Checks the TLS fields of the new-session dialog: the server name to send as SNI and the ALPN protocols to
/// offer, each failure explained in one line that names the bad value.
/// </summary>
internal static class TlsFieldParsers
{
    /// <summary>The most bytes an ALPN protocol name may have (its length is one byte on the wire, RFC 7301).</summary>
    public const int MaxAlpnBytes = 255;

    /// <summary>The server name: empty means the host (null), else a DNS name or an IP literal.</summary>
    public static bool TryServerName(string? text, out string? serverName, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        serverName = null;
        error = null;
        if (trimmed.Length == 0)
        {
            return true;
        }

        var literal = trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed[1..^1] : trimmed;
        if (IPAddress.TryParse(literal, out _) || Uri.CheckHostName(literal) == UriHostNameType.Dns)
        {
            serverName = literal;
            return true;
        }

        error = $"server name '{trimmed}': not a host name or IP address";
        return false;
    }

    /// <summary>
    /// ALPN protocols, comma-separated, most preferred first (<c>h2, http/1.1</c>): empty means none; each name
    /// non-empty and at most <see cref="MaxAlpnBytes"/> bytes of UTF-8.
    /// </summary>
    public static bool TryAlpn(string? text, out IReadOnlyList<string> protocols, [NotNullWhen(false)] out string? error)
    {
        protocols = [];
        error = null;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return true;
        }

        var names = new List<string>();
        foreach (var part in trimmed.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                error = $"ALPN '{trimmed}': an empty protocol name (write names like h2, http/1.1)";
                return false;
            }

            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes > MaxAlpnBytes)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"ALPN '{name[..12]}…': {bytes} bytes, at most {MaxAlpnBytes}");
                return false;
            }

            names.Add(name);
        }

        protocols = names;
        return true;
    }
}
