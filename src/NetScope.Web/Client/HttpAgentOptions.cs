using NetScope.Core.Tls;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>How an <see cref="HttpAgent"/> connects and what it sends by default.</summary>
public sealed record HttpAgentOptions
{
    /// <summary>The User-Agent sent by default: <c>NetScope/</c> and the version.</summary>
    public static string DefaultUserAgent { get; } = $"NetScope/{typeof(HttpAgentOptions).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    /// <summary>Where idle connections wait for reuse; share one pool between agents to share connections.</summary>
    /// <remarks>Defaults to null: the agent makes its own persistent pool.</remarks>
    public HttpConnectionPool? Pool { get; init; }

    /// <summary>Seconds allowed to resolve the host and connect TCP (0 for no limit).</summary>
    /// <remarks>Defaults to 30.</remarks>
    public double ConnectTimeoutSeconds { get; init; } = 30;

    /// <summary>The proxy every request goes through.</summary>
    /// <remarks>Defaults to null: direct connections.</remarks>
    public HttpProxy? Proxy { get; init; }

    /// <summary>The User-Agent sent unless the request names its own; null sends none.</summary>
    /// <remarks>Defaults to <see cref="DefaultUserAgent"/>.</remarks>
    public string? UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The version requests announce. HTTP/1.0 asks for keep-alive explicitly and cannot send bodies of unknown length.</summary>
    /// <remarks>Defaults to HTTP/1.1.</remarks>
    public HttpProtocolVersion Version { get; init; } = HttpProtocolVersion.Http11;

    /// <summary>
    /// The TLS settings of https connections, given the origin's host (the agent asks once per host and reuses the
    /// answer). Set <see cref="TlsClientOptions.ServerName"/> to the host for SNI and the name check, and offer
    /// <c>http/1.1</c> (the only protocol the agent speaks) if you offer ALPN at all.
    /// </summary>
    /// <remarks>Defaults to null: <see cref="DefaultTls"/>, the system's trust store and full verification.</remarks>
    public Func<string, TlsClientOptions>? Tls { get; init; }

    /// <summary>The TLS handshake's time limit and clock.</summary>
    /// <remarks>Defaults to null: <see cref="TlsLayerOptions.Default"/> (30 seconds).</remarks>
    public TlsLayerOptions? TlsLayer { get; init; }

    /// <summary>Limits for parsing responses.</summary>
    /// <remarks>Defaults to null: <see cref="HttpParserOptions.ResponseDefaults"/>.</remarks>
    public HttpParserOptions? ParserOptions { get; init; }

    /// <summary>The TLS settings used when <see cref="Tls"/> is not set: SNI and verification for <paramref name="host"/>, ALPN http/1.1.</summary>
    /// <param name="host">The origin's host.</param>
    /// <returns>New options.</returns>
    public static TlsClientOptions DefaultTls(string host) => new() { ServerName = host, ApplicationProtocols = ["http/1.1"] };
}
