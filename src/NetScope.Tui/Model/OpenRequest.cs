using System.Security.Cryptography.X509Certificates;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;

namespace NetScope.Tui.Model;

/// <summary>What to open, as the dialog or <c>--open</c> asked.</summary>
/// <param name="Kind">The session kind's name ("tcp", "tls", "http").</param>
/// <param name="Target">The host and port (for http, the URL's).</param>
/// <param name="Mode">Line or raw framing (tcp and tls).</param>
/// <param name="LineEnding">What sending a line appends (tcp and tls).</param>
internal sealed record OpenRequest(string Kind, HostPort Target, StreamMode Mode, byte[] LineEnding)
{
    /// <summary>For TLS (tls sessions, https): go on whatever certificate verification finds (self-signed test servers). <remarks>Defaults to verifying.</remarks></summary>
    public bool Insecure { get; init; }

    /// <summary>For TLS: the only certificate authorities trusted, or <see langword="null"/> for the system's store.</summary>
    /// <remarks>Defaults to the system's store.</remarks>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>For a tls session: the name sent as SNI and checked against the certificate, or <see langword="null"/> for the host.</summary>
    /// <remarks>Defaults to the host.</remarks>
    public string? ServerName { get; init; }

    /// <summary>For a tls session: the ALPN protocols to offer, most preferred first.</summary>
    /// <remarks>Defaults to none (no ALPN extension).</remarks>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    /// <summary>For an http session: the request.</summary>
    /// <remarks>Defaults to none (the other kinds).</remarks>
    public HttpRequestSpec? Http { get; init; }

    /// <summary>An http session sending <paramref name="http"/>, to the URL's host and port.</summary>
    public static OpenRequest ForHttp(HttpRequestSpec http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new OpenRequest("http", new HostPort(http.Url.Host, http.Url.Port), StreamMode.Line, []) { Http = http };
    }
}
