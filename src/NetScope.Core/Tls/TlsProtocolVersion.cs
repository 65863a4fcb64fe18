namespace NetScope.Core.Tls;

/// <summary>The TLS versions an engine may negotiate. Older versions are not offered at all.</summary>
public enum TlsProtocolVersion
{
    /// <summary>TLS 1.2 (RFC 5246).</summary>
    Tls12,

    /// <summary>TLS 1.3 (RFC 8446).</summary>
    Tls13,
}
