using System.Globalization;

namespace NetScope.Web.Client.Connections;

/// <summary>
/// What makes two requests able to share a kept-alive connection: the same origin, or the same proxy for
/// plain requests in absolute form (a tunnel belongs to its origin).
/// </summary>
/// <param name="Scheme">"http" or "https" for an origin; "proxy" for a proxy's absolute-form connections.</param>
/// <param name="Host">The origin's host (empty for "proxy").</param>
/// <param name="Port">The origin's port (0 for "proxy").</param>
/// <param name="ProxyHost">The proxy's host, or <see langword="null"/> for a direct connection.</param>
/// <param name="ProxyPort">The proxy's port (0 without a proxy).</param>
internal readonly record struct HttpConnectionKey(string Scheme, string Host, int Port, string? ProxyHost, int ProxyPort)
{
    /// <summary>Whether the connection goes to a proxy.</summary>
    public bool ViaProxy => ProxyHost is not null;

    /// <summary>Whether the connection is a CONNECT tunnel through a proxy to the origin.</summary>
    public bool Tunnel => ViaProxy && Scheme != "proxy";

    /// <summary>Whether TLS runs to the origin over the connection.</summary>
    public bool Tls => Scheme == "https";

    /// <summary>Where the TCP connection goes.</summary>
    public string ConnectHost => ProxyHost ?? Host;

    /// <summary>The port the TCP connection goes to.</summary>
    public int ConnectPort => ViaProxy ? ProxyPort : Port;

    /// <inheritdoc/>
    public override string ToString() => ViaProxy
        ? Tunnel ? string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{Host}:{Port} via {ProxyHost}:{ProxyPort}") : string.Create(CultureInfo.InvariantCulture, $"proxy {ProxyHost}:{ProxyPort}")
        : string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{Host}:{Port}");
}
