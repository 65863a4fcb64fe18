namespace NetScope.Web.Http;

/// <summary>How the end of a message body is found (RFC 9112 section 6.3).</summary>
public enum HttpBodyFraming
{
    /// <summary>The message has no body at all.</summary>
    None,

    /// <summary>The body is exactly <c>Content-Length</c> bytes long (possibly zero).</summary>
    ContentLength,

    /// <summary>The body uses the chunked transfer coding and may be followed by trailer fields.</summary>
    Chunked,

    /// <summary>The body runs until the connection closes (responses only).</summary>
    UntilClose,
}
