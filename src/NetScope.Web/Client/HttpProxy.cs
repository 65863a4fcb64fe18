using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// An HTTP proxy: plain http requests go to it in absolute form (<c>GET http://host/path HTTP/1.1</c>), and https
/// requests through a CONNECT tunnel with TLS inside it. Credentials in the URL (<c>http://user:pass@proxy:3128</c>)
/// are sent as Basic <c>Proxy-Authorization</c>.
/// </summary>
public sealed class HttpProxy
{
    /// <summary>Creates the proxy at <paramref name="url"/>.</summary>
    /// <param name="url">An <c>http://</c> URL; its path is ignored.</param>
    /// <exception cref="ArgumentException">The URL is https (TLS to the proxy itself is not supported).</exception>
    public HttpProxy(HttpUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsHttps)
        {
            throw new ArgumentException("Only http:// proxies are supported (https targets still go through them in a CONNECT tunnel).", nameof(url));
        }

        Url = url;
        if (url.UserInfo is { } userInfo)
        {
            var credentials = Uri.UnescapeDataString(userInfo);
            Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Contains(':') ? credentials : credentials + ":"));
        }
    }

    /// <summary>The proxy's URL.</summary>
    public HttpUrl Url { get; }

    /// <summary>The host to connect to.</summary>
    public string Host => Url.Host;

    /// <summary>The port to connect to (80 when the URL names none).</summary>
    public int Port => Url.Port;

    /// <summary>
    /// Whether plain http requests also go through a CONNECT tunnel instead of absolute form (curl's
    /// <c>--proxytunnel</c>); https requests always do.
    /// </summary>
    /// <remarks>Defaults to <see langword="false"/>.</remarks>
    public bool TunnelAll { get; init; }

    /// <summary>The <c>Proxy-Authorization</c> value from the URL's credentials, or <see langword="null"/>.</summary>
    public string? Authorization { get; }

    /// <summary>Parses a proxy given as a URL, or as <c>host:port</c> (taken as http).</summary>
    /// <param name="text">For example <c>http://127.0.0.1:3128</c> or <c>proxy.local:8080</c>.</param>
    /// <param name="tunnelAll">Whether plain http requests also go through a CONNECT tunnel (<see cref="TunnelAll"/>).</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="FormatException">The text is not a valid http proxy URL; the message says why.</exception>
    public static HttpProxy Parse(string text, bool tunnelAll = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var url = HttpUrl.Parse(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text);
        if (url.IsHttps)
        {
            throw new FormatException($"'{text}' is not a valid proxy: only http:// proxies are supported");
        }

        return new HttpProxy(url) { TunnelAll = tunnelAll };
    }

    /// <inheritdoc/>
    public override string ToString() => $"http://{Url.Authority}";
}
