namespace NetScope.Web.Http;

/// <summary>The HTTP/1.x versions this layer speaks. Any other version is refused while parsing.</summary>
public enum HttpProtocolVersion
{
    /// <summary>HTTP/1.0: connections close after each message unless both sides ask for keep-alive.</summary>
    Http10 = 10,

    /// <summary>HTTP/1.1: persistent connections by default, chunked transfer coding, mandatory Host.</summary>
    Http11 = 11,
}
