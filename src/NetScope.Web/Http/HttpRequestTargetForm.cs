namespace NetScope.Web.Http;

/// <summary>The four shapes a request-target can take (RFC 9112 section 3.2).</summary>
public enum HttpRequestTargetForm
{
    /// <summary><c>/path?query</c>: the usual form sent to an origin server.</summary>
    Origin,

    /// <summary><c>http://host/path?query</c>: sent to proxies; servers must accept it too.</summary>
    Absolute,

    /// <summary><c>host:port</c>: only with CONNECT.</summary>
    Authority,

    /// <summary><c>*</c>: only with OPTIONS, meaning the server as a whole.</summary>
    Asterisk,
}
