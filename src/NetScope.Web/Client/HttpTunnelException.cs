using NetScope.Core.Errors;

namespace NetScope.Web.Client;

/// <summary>A proxy refused to open a CONNECT tunnel: it answered with a status other than 2xx.</summary>
public class HttpTunnelException : NetworkException
{
    /// <summary>Creates the exception with the default message.</summary>
    public HttpTunnelException()
        : base("the proxy refused the tunnel")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">One line.</param>
    public HttpTunnelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">One line.</param>
    /// <param name="innerException">The cause.</param>
    public HttpTunnelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a proxy's answer to CONNECT.</summary>
    /// <param name="authority">The <c>host:port</c> the tunnel was asked for.</param>
    /// <param name="statusCode">The proxy's status.</param>
    /// <param name="reasonPhrase">The proxy's reason phrase.</param>
    public HttpTunnelException(string authority, int statusCode, string reasonPhrase)
        : base($"the proxy answered CONNECT {authority} with {statusCode} {reasonPhrase}".TrimEnd())
    {
        StatusCode = statusCode;
    }

    /// <summary>The status the proxy answered with (0 when unknown).</summary>
    public int StatusCode { get; }
}
