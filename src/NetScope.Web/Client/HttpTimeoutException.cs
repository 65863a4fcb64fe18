namespace NetScope.Web.Client;

/// <summary>
/// A request did not complete (response head and body) within its time limit
/// (<see cref="HttpExchangeOptions.TimeoutSeconds"/>). The connection was aborted.
/// </summary>
public class HttpTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with the default message.</summary>
    public HttpTimeoutException()
        : base("the request timed out")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">One line saying what timed out.</param>
    public HttpTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">One line saying what timed out.</param>
    /// <param name="innerException">The cause.</param>
    public HttpTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
