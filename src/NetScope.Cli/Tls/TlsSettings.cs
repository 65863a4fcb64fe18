using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;
using NetScope.Sessions.Targets;

namespace NetScope.Cli.Tls;

/// <summary>The checked values of <see cref="TlsOptions"/>: how a client verb speaks TLS and reports it.</summary>
/// <param name="ServerName">The SNI and verification name, or null for the target's host.</param>
/// <param name="ApplicationProtocols">The ALPN protocols to offer.</param>
/// <param name="TrustedAuthorities">The CA file's certificates, or null for the system store.</param>
/// <param name="ClientCertificate">The client certificate with its key, or null.</param>
/// <param name="ClientCertificateChain">Intermediates sent after the client certificate.</param>
/// <param name="Insecure">Continue whatever verification finds.</param>
/// <param name="Pins">Leaf fingerprints or public-key pins to require.</param>
/// <param name="MinVersion">The lowest version to accept.</param>
/// <param name="MaxVersion">The highest version to offer.</param>
/// <param name="ShowCertificates">Print the whole chain.</param>
/// <param name="Json">Print the handshake report as JSON on stdout instead of text on stderr.</param>
internal sealed record TlsSettings(
    string? ServerName,
    IReadOnlyList<string> ApplicationProtocols,
    X509Certificate2Collection? TrustedAuthorities,
    X509Certificate2? ClientCertificate,
    X509Certificate2Collection? ClientCertificateChain,
    bool Insecure,
    IReadOnlyList<string> Pins,
    TlsProtocolVersion MinVersion,
    TlsProtocolVersion MaxVersion,
    bool ShowCertificates,
    bool Json)
{
    /// <summary>The engine options for a connection to <paramref name="target"/>: the name defaults to its host.</summary>
    public TlsClientOptions CreateClientOptions(HostPort target) => new()
    {
        ServerName = ServerName ?? target.Host,
        ApplicationProtocols = ApplicationProtocols,
        TrustedAuthorities = TrustedAuthorities,
        ClientCertificate = ClientCertificate,
        ClientCertificateChain = ClientCertificateChain,
        Insecure = Insecure,
        PinnedFingerprints = Pins,
        MinVersion = MinVersion,
        MaxVersion = MaxVersion,
    };
}
