using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// How a client <see cref="TlsEngine"/> connects. Build one per target and share it between connections:
/// it caches the client certificate context. Load files with <see cref="TlsCertificates"/> before the
/// options reach the reactor thread.
/// </summary>
public sealed class TlsClientOptions
{
    private SslStreamCertificateContext? _clientCertificateContext;

    /// <summary>
    /// The server's name: sent as SNI and checked against the certificate. An IP literal is checked
    /// against the certificate's IP SANs and, as RFC 6066 requires, is not sent as SNI.
    /// </summary>
    /// <remarks>Defaults to null: no SNI and no name check.</remarks>
    public string? ServerName { get; init; }

    /// <summary>The ALPN protocols to offer, most preferred first (e.g. <c>h2</c>, <c>http/1.1</c>).</summary>
    /// <remarks>Defaults to none: no ALPN extension.</remarks>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    /// <summary>The lowest TLS version to accept.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls12"/>.</remarks>
    public TlsProtocolVersion MinVersion { get; init; } = TlsProtocolVersion.Tls12;

    /// <summary>The highest TLS version to offer.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls13"/>.</remarks>
    public TlsProtocolVersion MaxVersion { get; init; } = TlsProtocolVersion.Tls13;

    /// <summary>
    /// A private trust store (e.g. from <see cref="TlsCertificates.LoadPemBundle"/>). When set it
    /// <em>replaces</em> the system store, like curl's <c>--cacert</c>: only chains ending at one of these
    /// certificates are trusted. Replacing rather than adding makes "did my private CA sign this?" a
    /// question with one answer, independent of what the machine happens to trust.
    /// </summary>
    /// <remarks>Defaults to null: the system store (<c>/etc/ssl/certs</c> through OpenSSL).</remarks>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>
    /// When true the handshake completes whatever the certificate checks find; the findings are still
    /// reported in <see cref="TlsSessionInfo.Verification"/>. A configured pin is still enforced, as with
    /// curl's <c>-k</c> and <c>--pinnedpubkey</c>.
    /// </summary>
    /// <remarks>Defaults to false.</remarks>
    public bool Insecure { get; init; }

    /// <summary>
    /// Pins for the leaf certificate: SHA-256 certificate fingerprints (<c>AB:CD:…</c>, separators optional)
    /// or curl-style public-key pins (<c>sha256//base64</c>). When any pin is set the leaf must match one,
    /// and a match stands in for the trust anchor (an unknown issuer is accepted); name and validity
    /// dates are still checked.
    /// </summary>
    /// <remarks>Defaults to none.</remarks>
    public IReadOnlyList<string> PinnedFingerprints { get; init; } = [];

    /// <summary>The client certificate (with its private key) to present when the server asks.</summary>
    /// <remarks>Defaults to null: an empty certificate list is sent when asked.</remarks>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Intermediate certificates sent after <see cref="ClientCertificate"/>.</summary>
    public X509Certificate2Collection? ClientCertificateChain { get; init; }

    /// <summary>
    /// Whether to resume earlier sessions. .NET on Linux keeps one session per server host name (not for IP
    /// literals) in a process-wide cache; <see cref="TlsSessionInfo.Resumed"/> tells whether it happened.
    /// </summary>
    /// <remarks>Defaults to true.</remarks>
    public bool AllowResumption { get; init; } = true;

    internal SslStreamCertificateContext? GetClientCertificateContext()
    {
        if (ClientCertificate is null)
        {
            return null;
        }

        // offline: the context must never fetch intermediates over the network.
        return LazyInitializer.EnsureInitialized(
            ref _clientCertificateContext,
            () => SslStreamCertificateContext.Create(ClientCertificate, ClientCertificateChain, offline: true));
    }
}
