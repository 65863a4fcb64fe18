using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;

namespace NetScope.Cli.Tls;

/// <summary>
/// The TLS client options of <c>netscope tls</c> (and of <c>netscope tcp</c>, for STARTTLS): what to send,
/// what to trust, and how to report the handshake. One instance per command.
/// </summary>
internal sealed class TlsOptions
{
    public Option<string> ServerName { get; } = new("--servername")
    {
        Description = "Name to send as SNI and to check the certificate against (default: the HOST of the target)",
        HelpName = "NAME",
    };

    public Option<string> Alpn { get; } = new("--alpn")
    {
        Description = "ALPN protocols to offer, most preferred first, separated by commas (e.g. h2,http/1.1)",
        HelpName = "LIST",
    };

    public Option<string> Ca { get; } = new("--ca")
    {
        Description = "Trust the CA certificates in this PEM file instead of the system store",
        HelpName = "FILE",
    };

    public Option<string> Cert { get; } = new("--cert")
    {
        Description = "Client certificate to present (PEM; its key may be in the same file or in --key)",
        HelpName = "FILE",
    };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "Private key (PEM) of --cert",
        HelpName = "FILE",
    };

    public Option<bool> Insecure { get; } = new("--insecure", "-k")
    {
        Description = "Go on when the certificate fails verification (the summary still says why); --pin is still enforced",
    };

    public Option<string[]> Pin { get; } = new("--pin")
    {
        Description = "Accept only a certificate with this SHA-256 fingerprint (AB:CD:...) or public-key pin (sha256//BASE64); repeatable",
        HelpName = "SHA256",
    };

    public Option<string> TlsMin { get; } = new("--tls-min")
    {
        Description = "Lowest TLS version to accept: 1.2 or 1.3",
        HelpName = "VERSION",
        DefaultValueFactory = _ => "1.2",
    };

    public Option<string> TlsMax { get; } = new("--tls-max")
    {
        Description = "Highest TLS version to offer: 1.2 or 1.3",
        HelpName = "VERSION",
        DefaultValueFactory = _ => "1.3",
    };

    public Option<bool> ShowCerts { get; } = new("--show-certs") { Description = "Print every certificate the peer sent (details and PEM), then the path verification built, on stderr" };

    public Option<string> KeyLog { get; } = new("--keylog")
    {
        Description = "Append the TLS secrets to FILE in the NSS key log format, for Wireshark",
        HelpName = "FILE",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the handshake report as one JSON object on stdout (before any data) instead of the summary on stderr",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { ServerName, Alpn, Ca, Cert, Key, Insecure, Pin, TlsMin, TlsMax, ShowCerts, KeyLog, Json })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Reads and checks the values, loading the CA and certificate files; a bad value is a usage error
    /// naming it, an unreadable file a file error. Turns the key log on when asked (it must happen before
    /// the first handshake of the process), warning on <paramref name="error"/> if the runtime did not take it.
    /// </summary>
    public TlsSettings Read(ParseResult result, TextWriter error)
    {
        var min = ParseVersion(TlsMin.Name, result.GetValue(TlsMin));
        var max = ParseVersion(TlsMax.Name, result.GetValue(TlsMax));
        if (min > max)
        {
            throw CliErrors.Usage($"--tls-min {result.GetValue(TlsMin)} is above --tls-max {result.GetValue(TlsMax)}");
        }

        var pins = result.GetValue(Pin) ?? [];
        foreach (var pin in pins)
        {
            if (!IsPin(pin))
            {
                throw CliErrors.Usage($"--pin '{pin}': expected a SHA-256 fingerprint (64 hex digits, colons allowed) or sha256//BASE64");
            }
        }

        var alpn = (result.GetValue(Alpn) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var trusted = result.GetValue(Ca) is { } ca ? Load(Ca.Name, ca, () => TlsCertificates.LoadPemBundle(ca)) : null;
        var (certificate, chain) = LoadClientCertificate(result.GetValue(Cert), result.GetValue(Key));
        if (result.GetValue(KeyLog) is { } keyLog)
        {
            EnableKeyLog(keyLog, error);
        }

        return new TlsSettings(
            result.GetValue(ServerName),
            alpn,
            trusted,
            certificate,
            chain,
            result.GetValue(Insecure),
            pins,
            min,
            max,
            result.GetValue(ShowCerts),
            result.GetValue(Json));
    }

    private static TlsProtocolVersion ParseVersion(string option, string? text) => text switch
    {
        "1.2" => TlsProtocolVersion.Tls12,
        "1.3" => TlsProtocolVersion.Tls13,
        _ => throw CliErrors.Usage($"{option} '{text}': expected 1.2 or 1.3"),
    };

    /// <summary>A hex SHA-256 fingerprint (separators <c>:</c>, space or <c>-</c> allowed) or <c>sha256//</c> and a base64 digest.</summary>
    private static bool IsPin(string pin)
    {
        if (pin.StartsWith("sha256//", StringComparison.OrdinalIgnoreCase))
        {
            Span<byte> digest = stackalloc byte[33];
            return Convert.TryFromBase64String(pin["sha256//".Length..], digest, out var length) && length == 32;
        }

        var digits = 0;
        foreach (var c in pin)
        {
            if (char.IsAsciiHexDigit(c))
            {
                digits++;
            }
            else if (c is not (':' or ' ' or '-'))
            {
                return false;
            }
        }

        return digits == 64;
    }

    private (X509Certificate2? Certificate, X509Certificate2Collection? Chain) LoadClientCertificate(string? certificate, string? key)
    {
        if (certificate is null)
        {
            return key is null ? (null, null) : throw CliErrors.Usage("--key needs --cert");
        }

        if (key is not null)
        {
            CheckReadable(Key.Name, key);
        }

        var (leaf, chain) = Load(Cert.Name, certificate, () => TlsCertificates.LoadCertificateWithKey(certificate, key));
        return (leaf, chain.Count > 0 ? chain : null);
    }

    /// <summary>Loads what <paramref name="option"/> names: an unreadable file fails in strerror's words, bad contents as what they are.</summary>
    private static T Load<T>(string option, string path, Func<T> load)
    {
        CheckReadable(option, path);
        try
        {
            return load();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
        {
            throw CliErrors.Fail($"{option} {path}", exception);
        }
    }

    /// <summary>Fails as a usage error for an empty file name and as a file error (11) for a file that cannot be read.</summary>
    internal static void CheckReadable(string option, string path)
    {
        if (path.Length == 0)
        {
            throw CliErrors.Usage($"{option} '': expected a file name");
        }

        try
        {
            using var file = File.OpenRead(path);
        }
        catch (Exception exception) when (FileErrorText.IsFileError(exception))
        {
            throw FileErrorText.Fail(option, path, exception);
        }
    }

    private void EnableKeyLog(string path, TextWriter error)
    {
        if (path.Length == 0)
        {
            throw CliErrors.Usage($"{KeyLog.Name} '': expected a file name");
        }

        try
        {
            // The runtime opens the key log itself and says nothing when it cannot: find out first.
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write);
        }
        catch (Exception exception) when (FileErrorText.IsFileError(exception))
        {
            throw FileErrorText.Fail(KeyLog.Name, path, exception);
        }

        TlsKeyLogStatus status;
        try
        {
            status = TlsKeyLog.Enable(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw CliErrors.Fail($"--keylog {path}", exception);
        }

        if (status == TlsKeyLogStatus.NotActive)
        {
            error.WriteLine($"{CliErrors.Prefix}--keylog {path}: the runtime did not open the file (TLS was already used in this process, or the file is not writable); no keys will be logged");
        }
    }
}
