namespace NetScope.Web.Client;

/// <summary>The milestones of one request, in the order they are reached (curl's <c>-w</c> times).</summary>
public enum HttpPhase
{
    /// <summary>The host name was resolved (the connection attempt began). Not reached on a reused connection.</summary>
    Dns,

    /// <summary>The TCP connection was established. Not reached on a reused connection.</summary>
    Connect,

    /// <summary>The TLS handshake completed (https only, and through a tunnel after CONNECT). Not reached on a reused connection.</summary>
    Tls,

    /// <summary>The whole request, head and body, was handed to the transport.</summary>
    RequestSent,

    /// <summary>The first byte of the response arrived.</summary>
    FirstByte,

    /// <summary>The final response head (status line and header fields) was parsed.</summary>
    Headers,

    /// <summary>The response body was received in full.</summary>
    Done,
}
