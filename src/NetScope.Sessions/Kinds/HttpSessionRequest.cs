using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Sessions.Kinds;

/// <summary>What to send in an HTTP request session (see <see cref="HttpSessionStarter"/>).</summary>
/// <param name="Agent">The client that sends it; share one between sessions to share kept-alive connections.</param>
/// <param name="Method">The method.</param>
/// <param name="Url">The URL.</param>
public sealed record HttpSessionRequest(IHttpAgent Agent, string Method, HttpUrl Url)
{
    /// <summary>The caller's header fields, sent beside the agent's defaults.</summary>
    public HttpHeaders? Headers { get; init; }

    /// <summary>The body, or <see langword="null"/>.</summary>
    public HttpRequestBody? Body { get; init; }

    /// <summary>
    /// Seconds for the whole exchange, redirects included, until the final body is complete (0 for no limit);
    /// past it the request fails with <see cref="HttpTimeoutException"/>.
    /// </summary>
    /// <remarks>Defaults to 0.</remarks>
    public double TimeoutSeconds { get; init; }

    /// <summary>Whether to follow redirects, each in a session of its own (see <see cref="HttpRedirects"/> for the rules).</summary>
    /// <remarks>Defaults to <see langword="false"/>.</remarks>
    public bool FollowRedirects { get; init; }

    /// <summary>The most redirects followed; one more fails with <see cref="TooManyRedirectsException"/>.</summary>
    /// <remarks>Defaults to 50, as curl.</remarks>
    public int MaxRedirects { get; init; } = 50;

    /// <summary>
    /// How much of each body the transcript records, in bytes, after the head (which it records in full);
    /// the rest is counted in a note.
    /// </summary>
    /// <remarks>Defaults to 64 KiB.</remarks>
    public int TranscriptBodyLimit { get; init; } = 64 * 1024;

    /// <summary>Also hears every request of the session (and of the redirects it follows), after the session model has.</summary>
    /// <remarks>Defaults to none.</remarks>
    public IHttpExchangeObserver? Observer { get; init; }

    /// <summary>The redirect that led here, for the hops after the first.</summary>
    internal HttpResponse? Previous { get; init; }

    /// <summary>How many redirects were followed before this hop.</summary>
    internal int Hop { get; init; }

    /// <summary>When the whole exchange must be over (reactor clock), fixed by the first hop; <see langword="null"/> for no limit.</summary>
    internal double? Deadline { get; init; }
}
