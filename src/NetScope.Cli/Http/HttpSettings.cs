using System.Security.Cryptography.X509Certificates;
using NetScope.Cli.Tls;
using NetScope.Core.Tls;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Cli.Http;

/// <summary>The checked values of <see cref="HttpOptions"/>.</summary>
/// <param name="Method">The method (GET, or POST with a body, unless given).</param>
/// <param name="Url">The URL.</param>
/// <param name="Headers">The -H fields.</param>
/// <param name="Body">The -d or --json body, or <see langword="null"/>.</param>
/// <param name="ShowHeaders">-i: write each response head before the body.</param>
/// <param name="Verbose">-v: show the request and response heads on stderr.</param>
/// <param name="OutputPath">-o: where the body goes instead of stdout.</param>
/// <param name="FollowRedirects">-L.</param>
/// <param name="MaxRedirects">--max-redirs.</param>
/// <param name="MaxTimeSeconds">--max-time (0: no limit).</param>
/// <param name="ConnectTimeoutSeconds">--connect-timeout.</param>
/// <param name="Proxy">--proxy, or <see langword="null"/>.</param>
/// <param name="JsonOutput">--json-output.</param>
/// <param name="Fail">--fail.</param>
/// <param name="Compressed">--compressed.</param>
/// <param name="Version">--http1.0 or HTTP/1.1.</param>
/// <param name="Insecure">--insecure: https goes on whatever the certificate check finds.</param>
/// <param name="TrustedAuthorities">--ca: the only CAs trusted for https, or <see langword="null"/> for the system store.</param>
/// <param name="Tls">The options shared with <c>netscope tls</c>: --servername, --cert/--key, --pin, --tls-min/--tls-max.</param>
internal sealed record HttpSettings(
    string Method,
    HttpUrl Url,
    HttpHeaders Headers,
    HttpRequestBody? Body,
    bool ShowHeaders,
    bool Verbose,
    string? OutputPath,
    bool FollowRedirects,
    int MaxRedirects,
    double MaxTimeSeconds,
    double ConnectTimeoutSeconds,
    HttpProxy? Proxy,
    bool JsonOutput,
    bool Fail,
    bool Compressed,
    HttpProtocolVersion Version,
    bool Insecure,
    X509Certificate2Collection? TrustedAuthorities,
    TlsSettings? Tls = null)
{
    /// <summary>The TLS settings of https connections to <paramref name="host"/>.</summary>
    /// <remarks>--servername replaces the URL's own host only; a redirect to another host sends that host's name.</remarks>
    public TlsClientOptions TlsFor(string host) => new()
    {
        ServerName = Tls?.ServerName is { } name && string.Equals(host, Url.Host, StringComparison.OrdinalIgnoreCase) ? name : host,
        ApplicationProtocols = ["http/1.1"],
        TrustedAuthorities = TrustedAuthorities,
        Insecure = Insecure,
        ClientCertificate = Tls?.ClientCertificate,
        ClientCertificateChain = Tls?.ClientCertificateChain,
        PinnedFingerprints = Tls?.Pins ?? [],
        MinVersion = Tls?.MinVersion ?? TlsProtocolVersion.Tls12,
        MaxVersion = Tls?.MaxVersion ?? TlsProtocolVersion.Tls13,
    };
}
