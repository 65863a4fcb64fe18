using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Tui.Model;

/// <summary>What an http session sends, as the dialog or <c>--open http://…</c> asked; kept so that the request can be repeated.</summary>
/// <param name="Method">The method, a token ("GET", "POST", "PURGE").</param>
/// <param name="Url">The URL (http or https).</param>
internal sealed record HttpRequestSpec(string Method, HttpUrl Url)
{
    /// <summary>The transcript's default share of each body: the rest is counted in a note.</summary>
    public const int DefaultTranscriptBodyLimit = 64 * 1024;

    /// <summary>The caller's header fields, beside the client's defaults (Host, User-Agent, Accept).</summary>
    /// <remarks>Defaults to none.</remarks>
    public HttpHeaders Headers { get; init; } = new();

    /// <summary>The body, sent with its Content-Length; <see langword="null"/> sends none.</summary>
    /// <remarks>Defaults to none.</remarks>
    public byte[]? Body { get; init; }

    /// <summary>Whether to follow redirects, each as a session of its own.</summary>
    /// <remarks>Defaults to <see langword="false"/>, as curl without <c>-L</c>: the 3xx itself is what a debugger wants to see.</remarks>
    public bool FollowRedirects { get; init; }

    /// <summary>Seconds for the whole exchange, redirects included, until the body is complete; past it the session fails.</summary>
    /// <remarks>Defaults to 0: no limit, as curl without <c>--max-time</c>.</remarks>
    public double TimeoutSeconds { get; init; }

    /// <summary>The proxy the request goes through: absolute form for http, a CONNECT tunnel for https.</summary>
    /// <remarks>Defaults to none: straight to the URL's host.</remarks>
    public HttpProxy? Proxy { get; init; }

    /// <summary>How much of each body the transcript records (heads are always recorded in full).</summary>
    /// <remarks>Defaults to <see cref="DefaultTranscriptBodyLimit"/>.</remarks>
    public int TranscriptBodyLimit { get; init; } = DefaultTranscriptBodyLimit;

    /// <summary>What the session list shows: <c>GET http://host/path</c>.</summary>
    public override string ToString() => $"{Method} {Url}";
}
