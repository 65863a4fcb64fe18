using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>
/// What a listener needs to serve over TLS, as a user gives it (<c>netscope listen ... --tls [--cert F --key F]</c>):
/// PEM files, or nothing, in which case a self-signed certificate for <c>localhost</c>, <c>127.0.0.1</c> and
/// <c>::1</c> is made at start-up. Turn it into engine options with <see cref="CreateServerOptions"/> (off the
/// reactor thread: it reads files or generates a key) and wrap the listener's factory with
/// <see cref="TlsReactorExtensions.WrapForTls"/>.
/// </summary>
public sealed record TlsListenerOptions
{
    /// <summary>A PEM file whose first certificate is the server's (intermediates may follow).</summary>
    /// <remarks>Defaults to null: a self-signed certificate is generated.</remarks>
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key; null when it is in <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The ALPN protocols to accept, most preferred first.</summary>
    /// <remarks>Defaults to none.</remarks>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    /// <summary>The lowest TLS version to accept.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls12"/>.</remarks>
    public TlsProtocolVersion MinVersion { get; init; } = TlsProtocolVersion.Tls12;

    /// <summary>The highest TLS version to accept.</summary>
    /// <remarks>Defaults to <see cref="TlsProtocolVersion.Tls13"/>.</remarks>
    public TlsProtocolVersion MaxVersion { get; init; } = TlsProtocolVersion.Tls13;

    /// <summary>The layer settings: the handshake time limit.</summary>
    /// <remarks>Defaults to <see cref="TlsLayerOptions.Default"/>.</remarks>
    public TlsLayerOptions Layer { get; init; } = TlsLayerOptions.Default;

    /// <summary>True when no certificate file is given and one will be generated.</summary>
    public bool GeneratesSelfSigned => CertificatePath is null;

    /// <summary>
    /// Loads the certificate and key from the PEM files, or generates the self-signed one (its
    /// <see cref="TlsServerOptions.CertificateFingerprint"/> is what clients pin).
    /// </summary>
    /// <param name="time">The clock that fixes a generated certificate's validity; the system clock when null.</param>
    /// <exception cref="InvalidOperationException">A key file was given without a certificate file.</exception>
    public TlsServerOptions CreateServerOptions(TimeProvider? time = null)
    {
        if (CertificatePath is null)
        {
            if (KeyPath is not null)
            {
                throw new InvalidOperationException("A key file needs its certificate file.");
            }

            return Build(TlsCertificates.CreateSelfSignedLocalhost(time ?? TimeProvider.System), null);
        }

        var (certificate, chain) = TlsCertificates.LoadCertificateWithKey(CertificatePath, KeyPath);
        return Build(certificate, chain.Count > 0 ? chain : null);
    }

    private TlsServerOptions Build(X509Certificate2 certificate, X509Certificate2Collection? chain) =>
        new(certificate)
        {
            CertificateChain = chain,
            ApplicationProtocols = ApplicationProtocols,
            MinVersion = MinVersion,
            MaxVersion = MaxVersion,
        };
}
