using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Protocols;
using NetScope.Core.Tests.Tls;
using NetScope.Core.Tls;

namespace NetScope.Cli.Tests.Tls;

/// <summary>The real peers the TLS command tests talk to: openssl s_server, Twisted servers, and servers on a reactor thread.</summary>
internal static class Peers
{
    private static readonly Lazy<(string Certificate, string Key, string Fingerprint, string PublicKeyPin)> SelfSignedFiles = new(() =>
    {
        using var certificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        using var key = certificate.GetECDsaPrivateKey()!;
        var directory = TestCertificates.Instance.Directory;
        var certificatePath = Path.Combine(directory, "cli-self-signed.pem");
        var keyPath = Path.Combine(directory, "cli-self-signed.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        var info = TlsCertificateInfo.Create(certificate);
        return (certificatePath, keyPath, info.Sha256Fingerprint, "sha256//" + info.PublicKeySha256);
    });

    public static TestCertificates Certificates => TestCertificates.Instance;

    /// <summary>A self-signed certificate for localhost, 127.0.0.1 and ::1 made by the test, as PEM files.</summary>
    public static (string Certificate, string Key, string Fingerprint, string PublicKeyPin) SelfSigned => SelfSignedFiles.Value;

    /// <summary>Starts <c>openssl s_server</c> on an ephemeral loopback port.</summary>
    public static async Task<(PeerProcess Server, int Port)> StartSServerAsync(string certificate, string key, params string[] extra)
    {
        string[] arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key, .. extra];
        var server = PeerProcess.Start("openssl", arguments);
        var accept = await server.WaitForLineAsync(line => line.StartsWith("ACCEPT ", StringComparison.Ordinal));
        return (server, int.Parse(accept[(accept.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>Runs a Twisted script (Debian's python3-twisted) that prints <c>PORT n</c> once it listens.</summary>
    public static async Task<(PeerProcess Server, int Port)> StartTwistedAsync(string name, string script, params string[] arguments)
    {
        var path = Path.Combine(Certificates.Directory, name);
        await File.WriteAllTextAsync(path, script);
        var server = PeerProcess.Start("/usr/bin/python3", [path, .. arguments]);
        var line = await server.WaitForLineAsync(l => l.StartsWith("PORT ", StringComparison.Ordinal));
        return (server, int.Parse(line["PORT ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>Listens in plaintext on a reactor thread with a protocol per connection.</summary>
    public static async Task<int> ListenTcpAsync(NetScope.Core.Tests.Tls.Layer.ReactorThread reactor, Func<IProtocol> build)
    {
        var port = await reactor.InvokeAsync(() => reactor.Reactor.ListenTcp(0, Factory.ForProtocol(build), bindAddress: "127.0.0.1"));
        return ((IPEndPoint)port.GetHost()).Port;
    }
}
