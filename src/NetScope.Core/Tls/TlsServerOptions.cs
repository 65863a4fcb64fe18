using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// How a server <see cref="TlsEngine"/> answers. Build one per listener and share it between its
/// connections: the certificate context (and with it the session-ticket keys) is created once, at the
/// first handshake, from local stores only (no network).
/// </summary>
public sealed class TlsServerOptions
{
    private SslStreamCertificateContext? _certificateContext;

    /// <summary>Creates server options around a certificate that carries its private key.</summary>
    /// <param name="certificate">From <see cref="TlsCertificates.LoadCertificateWithKey"/> or <see cref="TlsCertificates.CreateSelfSignedLocalhost"/>.</param>
    public TlsServerOptions(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("The server certificate needs its private key.", nameof(certificate));
        }

        Certificate = certificate;
    }

    /// <summary>The server certificate.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Intermediate certificates sent after <see cref="Certificate"/>.</summary>
    /// <remarks>Defaults to none.</remarks>
    public X509Certificate2Collection? CertificateChain { get; init; }

    /// <summary>
    /// The ALPN protocols this server speaks, most preferred first. The engine picks the first of these the
    /// client offered (server preference, as nginx and OpenSSL do); with no overlap it continues without ALPN.
    /// </summary>
    /// <remarks>Defaults to none: ALPN is ignored.</remarks>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    /// <summary>The lowest TLS version to accept.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls12"/>.</remarks>
    public TlsProtocolVersion MinVersion { get; init; } = TlsProtocolVersion.Tls12;

    /// <summary>The highest TLS version to accept.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls13"/>.</remarks>
    public TlsProtocolVersion MaxVersion { get; init; } = TlsProtocolVersion.Tls13;

    /// <summary>
    /// Asks the client for a certificate. The handshake never fails over it: whatever the client sends (or
    /// not) is reported in <see cref="TlsSessionInfo.PeerCertificates"/> and <see cref="TlsSessionInfo.Verification"/>.
    /// </summary>
    /// <remarks>Defaults to false.</remarks>
    public bool RequestClientCertificate { get; init; }

    /// <summary>The trust store client certificates are checked against; it replaces the system store when set.</summary>
    /// <remarks>Defaults to null: the system store.</remarks>
    public X509Certificate2Collection? ClientCertificateAuthorities { get; init; }

    /// <summary>Whether to let clients resume sessions (tickets and session IDs).</summary>
    /// <remarks>Defaults to true.</remarks>
    public bool AllowResumption { get; init; } = true;

    /// <summary>The SHA-256 fingerprint of <see cref="Certificate"/>, formatted <c>AB:CD:…</c>.</summary>
    public string CertificateFingerprint => TlsCertificates.Sha256Fingerprint(Certificate);

    internal SslStreamCertificateContext GetCertificateContext() =>
        // offline: building the context must never fetch intermediates over the network.
        LazyInitializer.EnsureInitialized(
            ref _certificateContext,
            () => SslStreamCertificateContext.Create(Certificate, CertificateChain, offline: true));
}
