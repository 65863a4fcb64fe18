namespace NetScope.Core.Tls;

/// <summary>Which side of the TLS handshake an engine plays.</summary>
public enum TlsRole
{
    /// <summary>The engine sends the ClientHello and verifies the server's certificate.</summary>
    Client,

    /// <summary>The engine answers a ClientHello with its own certificate.</summary>
    Server,
}
