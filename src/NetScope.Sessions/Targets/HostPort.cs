using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace NetScope.Sessions.Targets;

/// <summary>A host and a TCP port as users write them: <c>example.com:80</c>, <c>127.0.0.1:7</c>, <c>[::1]:443</c>.</summary>
/// <param name="Host">A name or an IP literal (IPv6 without brackets).</param>
/// <param name="Port">1 to 65535.</param>
public sealed record HostPort(string Host, int Port)
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not HOST:PORT; the message says what is wrong, in one line.</exception>
    public static HostPort Parse(string text) =>
        TryParse(text, out var parsed, out var error) ? parsed : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>, or explains in <paramref name="error"/> why it is not HOST:PORT.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out HostPort? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "bad address '': expected HOST:PORT";
            return false;
        }

        string host;
        string port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
            {
                error = $"bad address '{text}': expected [IPV6]:PORT";
                return false;
            }

            host = text[1..close];
            port = text[(close + 2)..];
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = $"bad address '{text}': '{host}' is not an IPv6 address";
                return false;
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon < 0)
            {
                error = $"bad address '{text}': expected HOST:PORT";
                return false;
            }

            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.Contains(':', StringComparison.Ordinal))
            {
                error = $"bad address '{text}': write IPv6 addresses in brackets, like [::1]:{port}";
                return false;
            }

            if (host.Length == 0)
            {
                error = $"bad address '{text}': the host is missing";
                return false;
            }
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            error = $"bad address '{text}': '{port}' is not a port number";
            return false;
        }

        if (number is < 1 or > 65535)
        {
            error = $"bad address '{text}': port {number} is out of range (1-65535)";
            return false;
        }

        parsed = new HostPort(host, number);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
