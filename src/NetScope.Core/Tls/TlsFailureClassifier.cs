using System.Text.RegularExpressions;

namespace NetScope.Core.Tls;

/// <summary>
/// Sorts a failed handshake into a <see cref="TlsFailureKind"/>. The evidence is weighed from the most
/// specific to the least: the engine's own certificate verdict, what the wire showed (non-TLS bytes,
/// plaintext alerts), the reason OpenSSL gave, and finally whether the transport simply went away.
/// </summary>
internal static partial class TlsFailureClassifier
{
    private static readonly string[] VersionReasons =
    [
        "unsupported protocol", "no protocols available", "wrong ssl version", "alert protocol version",
        "version too low", "version too high", "tlsv1 alert protocol version", "unknown protocol version",
    ];

    private static readonly string[] CipherReasons =
    [
        "no shared cipher", "no cipher match", "no ciphers available", "alert insufficient security",
        "no suitable signature algorithm", "no shared signature algorithms", "no suitable key share",
        "no shared groups",
    ];

    private static readonly string[] PlaintextReasons =
    [
        "wrong version number", "http request", "https proxy request", "packet length too long",
    ];

    public sealed record Evidence
    {
        public required TlsRole Role { get; init; }

        public required TlsHandshakeObserver Observer { get; init; }

        /// <summary>Set when the engine's validation callback refused the certificate.</summary>
        public TlsVerificationResult? RejectedVerification { get; init; }

        public IReadOnlyList<TlsCertificateInfo> PeerCertificates { get; init; } = [];

        public bool EndOfStreamDelivered { get; init; }

        public Exception? TransportError { get; init; }

        public required TlsProtocolVersion MinVersion { get; init; }

        public required TlsProtocolVersion MaxVersion { get; init; }
    }

    public static TlsFailure ClassifyHandshake(Exception exception, Evidence evidence)
    {
        if (evidence.RejectedVerification is { } verification)
        {
            return Failure(KindOf(verification.Status), verification.Reason, exception, evidence) with { Verification = verification };
        }

        if (evidence.Observer.NonTls is { } nonTls)
        {
            return PlaintextPeer(nonTls, evidence);
        }

        var platform = PlatformMessage(exception);
        var reason = AllMessages(exception).ToLowerInvariant();
        var offered = OfferedVersions(evidence);
        var serverHelloSeen = evidence.Observer.ServerHello is not null;

        if (evidence.Observer.AlertReceived is { Fatal: true } received)
        {
            switch (received.Description)
            {
                case TlsAlert.ProtocolVersion:
                    return Failure(TlsFailureKind.ProtocolVersionMismatch, $"no TLS version in common: peer sent alert protocol_version ({offered})", exception, evidence, received);
                case TlsAlert.InsufficientSecurity:
                case TlsAlert.HandshakeFailure when !serverHelloSeen && evidence.Role == TlsRole.Client:
                    return Failure(TlsFailureKind.NoSharedCipher, $"no cipher suite, signature algorithm or group in common: peer sent alert {received.Name} in answer to the ClientHello", exception, evidence, received);
            }
        }

        if (evidence.Observer.AlertSent is { Fatal: true } sent)
        {
            switch (sent.Description)
            {
                case TlsAlert.ProtocolVersion:
                    return Failure(TlsFailureKind.ProtocolVersionMismatch, $"no TLS version in common: peer offered none of {offered} ({platform})", exception, evidence, sent);
                case TlsAlert.InsufficientSecurity:
                case TlsAlert.HandshakeFailure when !serverHelloSeen && evidence.Role == TlsRole.Server:
                    return Failure(TlsFailureKind.NoSharedCipher, $"no cipher suite, signature algorithm or group in common: {platform}", exception, evidence, sent);
            }
        }

        if (VersionReasons.Any(reason.Contains))
        {
            return Failure(TlsFailureKind.ProtocolVersionMismatch, $"no TLS version in common ({offered}): {platform}", exception, evidence, evidence.Observer.AlertReceived ?? evidence.Observer.AlertSent);
        }

        if (CipherReasons.Any(reason.Contains))
        {
            return Failure(TlsFailureKind.NoSharedCipher, $"no cipher suite, signature algorithm or group in common: {platform}", exception, evidence, evidence.Observer.AlertReceived ?? evidence.Observer.AlertSent);
        }

        if (PlaintextReasons.Any(reason.Contains) && !serverHelloSeen)
        {
            return Failure(TlsFailureKind.PlaintextPeer, $"peer is not speaking TLS: {platform}", exception, evidence);
        }

        var alertName = evidence.Observer.AlertReceived?.Name ?? AlertNameFromOpenSsl(reason);
        if (alertName is not null)
        {
            return Failure(TlsFailureKind.HandshakeFailed, $"peer sent alert {alertName}: {platform}", exception, evidence) with
            {
                Alert = alertName,
                AlertFromPeer = true,
            };
        }

        if (evidence.TransportError is not null || evidence.EndOfStreamDelivered)
        {
            var how = evidence.TransportError is null ? "closed the connection" : $"reset the connection ({evidence.TransportError.Message})";
            var stage = serverHelloSeen ? "after the ServerHello" : evidence.Role == TlsRole.Client ? "before answering the ClientHello" : "before completing the ClientHello";
            return Failure(TlsFailureKind.PeerClosedDuringHandshake, $"peer {how} during the handshake, {stage}", exception, evidence);
        }

        return Failure(TlsFailureKind.HandshakeFailed, $"TLS handshake failed: {platform}", exception, evidence, evidence.Observer.AlertSent);
    }

    public static TlsFailure PlaintextPeer(NonTlsPeer nonTls, Evidence evidence) => new()
    {
        Kind = TlsFailureKind.PlaintextPeer,
        Message = nonTls.ToMessage(),
        DuringHandshake = true,
        PeerPrefix = nonTls.Prefix,
        PeerCertificates = evidence.PeerCertificates,
    };

    /// <summary>The innermost exception message: the platform's most specific reason.</summary>
    public static string PlatformMessage(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Trim();
    }

    public static TlsFailureKind KindOf(TlsVerificationStatus status) => status switch
    {
        TlsVerificationStatus.UnknownIssuer => TlsFailureKind.UnknownIssuer,
        TlsVerificationStatus.NameMismatch => TlsFailureKind.NameMismatch,
        TlsVerificationStatus.Expired => TlsFailureKind.CertificateExpired,
        TlsVerificationStatus.NotYetValid => TlsFailureKind.CertificateNotYetValid,
        TlsVerificationStatus.PinMismatch => TlsFailureKind.CertificatePinMismatch,
        _ => TlsFailureKind.CertificateInvalid,
    };

    private static TlsFailure Failure(TlsFailureKind kind, string message, Exception exception, Evidence evidence, TlsAlert? alert = null) => new()
    {
        Kind = kind,
        Message = message,
        DuringHandshake = true,
        Exception = exception,
        PeerCertificates = evidence.PeerCertificates,
        Alert = alert?.Name,
        AlertFromPeer = alert?.FromPeer ?? false,
    };

    private static string OfferedVersions(Evidence evidence)
    {
        static string Name(TlsProtocolVersion v) => v == TlsProtocolVersion.Tls13 ? "TLS 1.3" : "TLS 1.2";
        var side = evidence.Role == TlsRole.Client ? "offered" : "accepted";
        return evidence.MinVersion == evidence.MaxVersion
            ? $"this side {side} only {Name(evidence.MinVersion)}"
            : $"this side {side} {Name(evidence.MinVersion)} to {Name(evidence.MaxVersion)}";
    }

    private static string AllMessages(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }

    /// <summary>A TLS failure after the handshake, naming the peer's alert when OpenSSL reports one.</summary>
    public static TlsFailure ClassifyAfterHandshake(Exception exception)
    {
        var platform = PlatformMessage(exception);
        var alert = AlertNameFromOpenSsl(AllMessages(exception).ToLowerInvariant());
        return new TlsFailure
        {
            Kind = TlsFailureKind.ConnectionError,
            Message = alert is null ? $"TLS error after the handshake: {platform}" : $"peer sent alert {alert} after the handshake: {platform}",
            DuringHandshake = false,
            Exception = exception,
            Alert = alert,
            AlertFromPeer = alert is not null,
        };
    }

    /// <summary>OpenSSL names a received alert in its reason, e.g. <c>tlsv13 alert certificate required</c>.</summary>
    private static string? AlertNameFromOpenSsl(string reason)
    {
        var match = OpenSslAlertPattern().Match(reason);
        return match.Success ? match.Groups[1].Value.Trim().Replace(' ', '_') : null;
    }

    [GeneratedRegex(@"(?:sslv3|tlsv1|tlsv13) alert ([a-z ]+?)(?:$|[^a-z ])")]
    private static partial Regex OpenSslAlertPattern();
}
