namespace NetScope.Web.Client;

/// <summary>Following redirects went past the allowed number (<see cref="RedirectAgent"/>, <c>--max-redirs</c>).</summary>
public class TooManyRedirectsException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public TooManyRedirectsException()
        : base("too many redirects")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">One line.</param>
    public TooManyRedirectsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">One line.</param>
    /// <param name="innerException">The cause.</param>
    public TooManyRedirectsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a chain that was stopped after <paramref name="limit"/> redirects.</summary>
    /// <param name="limit">The most redirects allowed.</param>
    /// <param name="response">The redirect that would have gone past the limit.</param>
    public TooManyRedirectsException(int limit, HttpResponse response)
        : base($"too many redirects: more than {limit} (the last one to {response?.Headers.Get("Location") ?? "?"})")
    {
        Limit = limit;
        Response = response;
    }

    /// <summary>The most redirects allowed.</summary>
    public int Limit { get; }

    /// <summary>The redirect response that went past the limit (with the earlier ones in <see cref="HttpResponse.PreviousResponse"/>).</summary>
    public HttpResponse? Response { get; }
}
