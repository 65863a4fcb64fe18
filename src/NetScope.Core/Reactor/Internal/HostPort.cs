using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace NetScope.Core.Reactor.Internal;

/// <summary>Formats host and port the way users type them: <c>127.0.0.1:7</c>, <c>[::1]:7</c>, <c>example.com:80</c>.</summary>
internal static class HostPort
{
    public static string Format(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
            ? string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}")
            : string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");

    public static string Format(EndPoint? endpoint) => endpoint switch
    {
        IPEndPoint ip when ip.AddressFamily == AddressFamily.InterNetworkV6 => string.Create(CultureInfo.InvariantCulture, $"[{ip.Address}]:{ip.Port}"),
        IPEndPoint ip => string.Create(CultureInfo.InvariantCulture, $"{ip.Address}:{ip.Port}"),
        DnsEndPoint dns => Format(dns.Host, dns.Port),
        null => "?",
        _ => endpoint.ToString() ?? "?",
    };
}
