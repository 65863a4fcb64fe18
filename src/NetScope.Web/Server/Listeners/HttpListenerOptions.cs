using NetScope.Web.Http;

namespace NetScope.Web.Server.Listeners;

/// <summary>
/// The settings of <c>netscope listen http</c>, flag for flag; <see cref="HttpListeners.CreateSite(HttpListenerOptions, Core.Reactor.IReactor)"/>
/// turns them into a <see cref="Site"/>. Parse flag values with the helpers on <see cref="HttpListeners"/>.
/// </summary>
public sealed record HttpListenerOptions
{
    /// <summary>What to answer with. <remarks>Defaults to <see cref="HttpListenerMode.Directory"/>.</remarks></summary>
    public HttpListenerMode Mode { get; init; } = HttpListenerMode.Directory;

    /// <summary><c>--root DIR</c>: the directory served. <remarks>Defaults to <see langword="null"/>: the current directory.</remarks></summary>
    public string? RootDirectory { get; init; }

    /// <summary><c>--status CODE</c>: the status of the fixed answer. <remarks>Defaults to 200.</remarks></summary>
    public int StatusCode { get; init; } = 200;

    /// <summary><c>--body TEXT|@FILE</c>: the body of the fixed answer. <remarks>Defaults to empty.</remarks></summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>
    /// <c>--header 'K: V'</c>, repeatable: headers of the fixed answer (a body without a Content-Type header is
    /// sent as text/plain). <remarks>Defaults to none.</remarks>
    /// </summary>
    public IReadOnlyList<HttpHeader> Headers { get; init; } = [];

    /// <summary><c>--delay T</c>: wait this long before each answer. <remarks>Defaults to zero.</remarks></summary>
    public TimeSpan Delay { get; init; }

    /// <summary><c>--drip RATE</c>: send bodies at this many bytes per second. <remarks>Defaults to <see langword="null"/>: full speed.</remarks></summary>
    public double? DripBytesPerSecond { get; init; }

    /// <summary><c>--close-after N</c>: close each connection after N response bytes, heads included. <remarks>Defaults to <see langword="null"/>: never.</remarks></summary>
    public long? CloseAfterBytes { get; init; }

    /// <summary>
    /// <c>--max-body SIZE</c>: the largest request body accepted; a larger one is answered with 413.
    /// <remarks>Defaults to <see langword="null"/>: the site's default (<see cref="HttpParserOptions.MaxBodyLength"/>, 32 MiB).</remarks>
    /// </summary>
    public long? MaxBodyBytes { get; init; }

    /// <summary>
    /// <c>--header-timeout T</c>: how long a client may take to send a request head; past it the answer is 408.
    /// <remarks>Defaults to <see langword="null"/>: the site's default (<see cref="SiteOptions.HeaderTimeout"/>, 30 s).</remarks>
    /// </summary>
    public TimeSpan? HeaderTimeout { get; init; }

    /// <summary>The Server header, or <see langword="null"/> for none. <remarks>Defaults to "NetScope".</remarks></summary>
    public string? ServerName { get; init; } = "NetScope";
}
