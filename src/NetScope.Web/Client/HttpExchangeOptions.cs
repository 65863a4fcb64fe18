namespace NetScope.Web.Client;

/// <summary>Settings of one request, beside its method, URL, headers and body.</summary>
public sealed record HttpExchangeOptions
{
    /// <summary>The options every request gets when none are given.</summary>
    public static HttpExchangeOptions Default { get; } = new();

    /// <summary>
    /// Seconds for the whole request, from the call until the body is complete (connecting included). When
    /// it expires the connection is aborted and the request (or the body delivery) fails with
    /// <see cref="HttpTimeoutException"/>. 0 means no limit.
    /// </summary>
    /// <remarks>Defaults to 0.</remarks>
    public double TimeoutSeconds { get; init; }

    /// <summary>Hears the request's connection, phases and bytes.</summary>
    /// <remarks>Defaults to none.</remarks>
    public IHttpExchangeObserver? Observer { get; init; }
}
