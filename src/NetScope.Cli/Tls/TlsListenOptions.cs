using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using NetScope.Core.Tls;

namespace NetScope.Cli.Tls;

/// <summary>
/// <c>--tls [--cert FILE --key FILE] [--alpn LIST]</c> for any listening verb: read them with
/// <see cref="Read"/>, make the certificate with <see cref="CreateServer"/> before the reactor runs, and wrap
/// the listener's factory with <see cref="TlsReactorExtensions.WrapForTls"/> before listening. Without
/// <c>--cert</c> a self-signed certificate for <c>localhost</c>, <c>127.0.0.1</c> and <c>::1</c> is generated
/// and its fingerprint printed, so a client can pin it.
/// </summary>
internal sealed class TlsListenOptions
{
    public Option<bool> Tls { get; } = new("--tls")
    {
        Description = "Serve over TLS, with --cert/--key or a freshly generated self-signed certificate for localhost (its SHA-256 fingerprint is printed)",
    };

    public Option<string> Cert { get; } = new("--cert")
    {
        Description = "Server certificate for --tls (PEM; intermediates may follow it, the key may be in the same file)",
        HelpName = "FILE",
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "Private key (PEM) of --cert",
        HelpName = "FILE",
    };

    public Option<string> Alpn { get; } = new("--alpn")
    {
        Description = "ALPN protocols to accept with --tls, most preferred first, separated by commas",
        HelpName = "LIST",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Tls, Cert, Key, Alpn })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The TLS settings, or null without <c>--tls</c>; the other options without it are a usage error.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="handshakeTimeoutSeconds">The handshake time limit for each connection.</param>
    public TlsListenerOptions? Read(ParseResult result, double handshakeTimeoutSeconds = 30)
    {
        var certificate = result.GetValue(Cert);
        var key = result.GetValue(Key);
        var alpn = result.GetValue(Alpn);
        if (!result.GetValue(Tls))
        {
            return certificate is null && key is null && alpn is null
                ? null
                : throw CliErrors.Usage("--cert, --key and --alpn need --tls");
        }

        if (key is not null && certificate is null)
        {
            throw CliErrors.Usage("--key needs --cert");
        }

        if (certificate is not null)
        {
            TlsOptions.CheckReadable(Cert.Name, certificate);
        }

        if (key is not null)
        {
            TlsOptions.CheckReadable(Key.Name, key);
        }

        return new TlsListenerOptions
        {
            CertificatePath = certificate,
            KeyPath = key,
            ApplicationProtocols = (alpn ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Layer = new TlsLayerOptions { HandshakeTimeoutSeconds = handshakeTimeoutSeconds },
        };
    }

    /// <summary>
    /// Loads (or generates) the certificate and says on <paramref name="error"/> which one is served and
    /// how to pin it. Call it before the reactor runs (it reads files and may generate a key); then wrap the
    /// listener's factory with <see cref="TlsReactorExtensions.WrapForTls"/> and <see cref="TlsListenerOptions.Layer"/>.
    /// </summary>
    public static TlsServerOptions CreateServer(TlsListenerOptions options, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        TlsServerOptions server;
        try
        {
            server = options.CreateServerOptions();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
        {
            throw CliErrors.Fail($"--cert {options.CertificatePath}", exception);
        }

        var certificate = TlsCertificateInfo.Create(server.Certificate);
        var expires = certificate.NotAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        error.WriteLine(options.GeneratesSelfSigned
            ? $"{CliErrors.Prefix}TLS with a self-signed certificate for {string.Join(", ", certificate.SubjectAlternativeNames)} (valid until {expires})"
            : $"{CliErrors.Prefix}TLS with certificate {certificate.Subject} issued by {certificate.Issuer} (valid until {expires})");
        error.WriteLine($"{CliErrors.Prefix}  SHA-256 fingerprint {certificate.Sha256Fingerprint} (netscope tls --pin)");
        error.WriteLine($"{CliErrors.Prefix}  public key pin sha256//{certificate.PublicKeySha256} (curl --pinnedpubkey)");
        return server;
    }
}
