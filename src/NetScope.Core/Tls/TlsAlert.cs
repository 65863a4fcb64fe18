namespace NetScope.Core.Tls;

/// <summary>A plaintext alert record seen on the wire during the handshake.</summary>
/// <param name="Fatal">True for level 2 (fatal).</param>
/// <param name="Description">The AlertDescription code.</param>
/// <param name="FromPeer">True when the peer sent it.</param>
internal sealed record TlsAlert(bool Fatal, byte Description, bool FromPeer)
{
    public const byte CloseNotify = 0;
    public const byte HandshakeFailure = 40;
    public const byte ProtocolVersion = 70;
    public const byte InsufficientSecurity = 71;

    public string Name => NameOf(Description);

    /// <summary>The RFC 8446 §6 name of an alert code.</summary>
    public static string NameOf(byte description) => description switch
    {
        0 => "close_notify",
        10 => "unexpected_message",
        20 => "bad_record_mac",
        22 => "record_overflow",
        40 => "handshake_failure",
        42 => "bad_certificate",
        43 => "unsupported_certificate",
        44 => "certificate_revoked",
        45 => "certificate_expired",
        46 => "certificate_unknown",
        47 => "illegal_parameter",
        48 => "unknown_ca",
        49 => "access_denied",
        50 => "decode_error",
        51 => "decrypt_error",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        86 => "inappropriate_fallback",
        90 => "user_canceled",
        109 => "missing_extension",
        110 => "unsupported_extension",
        112 => "unrecognized_name",
        113 => "bad_certificate_status_response",
        115 => "unknown_psk_identity",
        116 => "certificate_required",
        120 => "no_application_protocol",
        _ => "alert " + description.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
