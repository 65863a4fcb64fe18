using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace NetScope.Tui.Input;

/// <summary>
/// Checks what users type into the dialogs and <c>--open</c>/<c>--listen</c>: ports, host names
/// and bind addresses, each failure explained in one line that names the bad value.
/// </summary>
internal static class FieldParsers
{
    /// <summary>A port: 1-65535, or 0-65535 when <paramref name="allowAny"/> (0 picks a free one).</summary>
    public static bool TryPort(string? text, bool allowAny, out int port, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        port = 0;
        if (trimmed.Length == 0)
        {
            error = allowAny ? "port: required (0 picks a free one)" : "port: required";
            return false;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            error = $"port '{trimmed}': not a number";
            return false;
        }

        var lowest = allowAny ? 0 : 1;
        if (port < lowest || port > 65535)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"port {port}: out of range ({lowest}-65535)");
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>A host to connect to: a DNS name or an IP address (IPv6 with or without brackets).</summary>
    public static bool TryHost(string? text, [NotNullWhen(true)] out string? host, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        host = null;
        if (trimmed.Length == 0)
        {
            error = "host: required";
            return false;
        }

        var literal = trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed[1..^1] : trimmed;
        if (IPAddress.TryParse(literal, out _) || Uri.CheckHostName(literal) == UriHostNameType.Dns)
        {
            host = literal;
            error = null;
            return true;
        }

        error = $"host '{trimmed}': not a host name or IP address";
        return false;
    }

    /// <summary>An address to bind: an IP literal (0.0.0.0 or :: for every interface).</summary>
    public static bool TryBindAddress(string? text, [NotNullWhen(true)] out string? address, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var literal = trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed[1..^1] : trimmed;
        if (IPAddress.TryParse(literal, out _))
        {
            address = literal;
            error = null;
            return true;
        }

        address = null;
        error = trimmed.Length == 0
            ? "address: required (127.0.0.1, or 0.0.0.0 for every interface)"
            : $"address '{trimmed}': not an IP address to bind (0.0.0.0 or :: for all)";
        return false;
    }
}
