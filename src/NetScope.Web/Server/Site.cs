using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using NetScope.Core.Logging;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Web.Http;
using NetScope.Web.Server.Internal;

namespace NetScope.Web.Server;

/// <summary>
/// An HTTP/1.1 and HTTP/1.0 server over a tree of <see cref="Resource"/>s (twisted.web's <c>Site</c>): a
/// protocol factory to hand to <c>ListenTcp</c>, building one connection handler per client.
/// </summary>
/// <remarks>
/// <para>Each connection answers its requests strictly in order: a pipelined request is read only after the
/// response before it is finished, however long a resource takes. Keep-alive, chunked bodies both ways,
/// <c>Expect: 100-continue</c>, HEAD, and the limits of <see cref="SiteOptions"/> (with 408, 413, 414, 431, 400,
/// 501 and 505 answers, after which the connection closes) are handled here, not by resources.</para>
/// <para>Every finished request produces an <see cref="HttpAccessLogEntry"/>: logged through <c>ILogger</c>
/// (category <c>NetScope.Web.Server</c>, event 4000) and raised as <see cref="RequestLogged"/>.</para>
/// <para>Use it on the reactor thread only.</para>
/// </remarks>
public class Site : Factory
{
    private static readonly byte[] NoServerLine = [];

    private readonly HttpDateCache _dates = new();
    private Resource _root;

    /// <summary>Creates a site serving <paramref name="root"/> on <paramref name="reactor"/>.</summary>
    /// <param name="root">The resource for <c>/</c> and everything under it.</param>
    /// <param name="reactor">The reactor: its clock for timeouts and durations, its thread pool for blocking work.</param>
    /// <param name="options">Limits and defaults; <see cref="SiteOptions.Default"/> when omitted.</param>
    public Site(Resource root, IReactor reactor, SiteOptions? options = null)
        : this(root, reactor, (IReactorThreads)reactor, options)
    {
    }

    /// <summary>Creates a site from a clock and, optionally, a thread pool (tests pass fakes of both).</summary>
    /// <param name="root">The resource for <c>/</c> and everything under it.</param>
    /// <param name="clock">Time for timeouts and durations.</param>
    /// <param name="threads">Where blocking work (file reads) runs; <see langword="null"/> runs it inline on the reactor thread.</param>
    /// <param name="options">Limits and defaults; <see cref="SiteOptions.Default"/> when omitted.</param>
    public Site(Resource root, IReactorTime clock, IReactorThreads? threads, SiteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= SiteOptions.Default;
        options.Validate();
        _root = root;
        Clock = clock;
        Threads = threads;
        Options = options;
        Logger = NetScopeLogging.CreateLogger(ServerLog.Category);
        ServerLine = options.ServerName is { } name ? Encoding.Latin1.GetBytes($"Server: {name}\r\n") : NoServerLine;
        DefaultContentTypeLine = options.DefaultContentType is { } type ? Encoding.Latin1.GetBytes($"Content-Type: {type}\r\n") : NoServerLine;
    }

    /// <summary>Raised on the reactor thread for every request answered (or cut short by the client leaving).</summary>
    public event EventHandler<HttpAccessLogEntry>? RequestLogged;

    /// <summary>The root of the resource tree; may be replaced while serving (new requests see the new tree).</summary>
    public Resource Root
    {
        get => _root;
        set => _root = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The site's limits and defaults.</summary>
    public SiteOptions Options { get; }

    /// <summary>The reactor clock: timeouts, durations, and timers resources may set.</summary>
    public IReactorTime Clock { get; }

    /// <summary>Where blocking work runs, or <see langword="null"/> when it runs inline on the reactor thread.</summary>
    public IReactorThreads? Threads { get; }

    /// <summary>How many connections are open now.</summary>
    public int OpenConnections { get; internal set; }

    internal ILogger Logger { get; }

    internal byte[] ServerLine { get; }

    internal byte[] DefaultContentTypeLine { get; }

    internal bool HasLogSubscribers => RequestLogged is not null || Logger.IsEnabled(LogLevel.Information);

    /// <summary>Finds the resource that renders <paramref name="request"/> (twisted.web's <c>getResourceFor</c>).</summary>
    /// <param name="request">The request; its prepath and postpath move as the tree is walked.</param>
    /// <returns>The resource.</returns>
    public virtual Resource GetResourceFor(Request request) => Resource.GetChildForRequest(_root, request);

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new HttpServerProtocol(this);

    /// <summary>The <c>Date</c> field line for now, CRLF included.</summary>
    internal ReadOnlySpan<byte> GetDateLine() => _dates.GetHeaderLine(Options.TimeProvider.GetUtcNow());

    internal DateTimeOffset WallClockNow() => Options.TimeProvider.GetUtcNow();

    internal void Log(HttpAccessLogEntry entry)
    {
        ServerLog.Access(Logger, entry);
        var handlers = RequestLogged;
        if (handlers is null)
        {
            return;
        }

        try
        {
            handlers(this, entry);
        }
        catch (Exception exception)
        {
            ServerLog.SubscriberFailed(Logger, exception);
        }
    }
}
