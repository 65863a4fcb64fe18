namespace NetScope.Web.Server.Static;

/// <summary>
/// Serves a directory tree, or a single file (twisted.web's <c>static.File</c>): files with their MIME type,
/// <c>Last-Modified</c> and a strong <c>ETag</c> (answering conditional requests with 304 and 412), single byte
/// ranges (206 and 416), and HTML listings of directories.
/// </summary>
/// <remarks>
/// <para>Nothing outside the root is ever served. Every path below the resource is checked segment by segment
/// and resolved link by link: <c>..</c>, <c>.</c>, empty segments (<c>//etc</c>), encoded slashes and
/// backslashes (<c>%2F</c>, <c>%5C</c>), NUL and control characters, rooted names, and symbolic links whose
/// target lies outside the root are all answered with <b>404</b>, exactly like a missing file, so probing
/// tells nothing about what exists. (Percent-encoded dots are decoded before the check, so <c>%2e%2e</c> is
/// <c>..</c>.) On Linux the file is opened without following a final link and the opened descriptor is
/// checked again, which closes the window between the check and the open.</para>
/// <para>Only one range is served; a request for several gets the whole file with 200 (see <see cref="ByteRange"/>).</para>
/// <para>Looking a path up, opening and reading all run on the reactor's thread pool, so the reactor thread
/// never waits for the disk; a large file streams through a producer a chunk at a time.</para>
/// </remarks>
public sealed partial class StaticFile : Resource
{
    private readonly string _realRoot;
    private readonly bool _rootIsDirectory;

    /// <summary>Serves <paramref name="path"/>: a directory and everything under it, or one file.</summary>
    /// <param name="path">The directory or file; relative paths are taken from the current directory.</param>
    /// <param name="options">Settings; <see cref="StaticFileOptions.Default"/> when omitted.</param>
    /// <exception cref="DirectoryNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public StaticFile(string path, StaticFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Options = options ?? StaticFileOptions.Default;
        Options.Validate();
        RootPath = Path.GetFullPath(path);
        _realRoot = SafePath.RealPath(RootPath) ?? throw new DirectoryNotFoundException($"{RootPath} does not exist.");
        _rootIsDirectory = Directory.Exists(_realRoot);
    }

    /// <summary>The directory or file served, as an absolute path.</summary>
    public string RootPath { get; }

    /// <summary>The settings.</summary>
    public StaticFileOptions Options { get; }

    /// <summary>A static file resource handles every path below it itself.</summary>
    public override bool IsLeaf => true;

    /// <inheritdoc/>
    public override Resource GetChild(string path, Request request) => this;

    /// <summary>A file is served whatever the request body, so the body is never wanted.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="false"/>.</returns>
    public override bool WantsBody(Request request) => false;

    /// <summary>Looks the path up on the thread pool and answers when that is done.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see cref="RenderResult.NotDoneYet"/>.</returns>
    protected override RenderResult RenderGet(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = StaticQuery.From(request);
        var threads = request.Site.Threads;
        if (threads is null)
        {
            StaticPlan plan;
            try
            {
                plan = Plan(query);
            }
            catch (Exception exception)
            {
                request.ProcessingFailed(exception);
                return RenderResult.NotDoneYet;
            }

            Respond(request, query, plan);
            return RenderResult.NotDoneYet;
        }

        threads.DeferToThread(() => Plan(query)).AddCallbacks(
            plan =>
            {
                Respond(request, query, (StaticPlan)plan!);
                return null;
            },
            failure =>
            {
                if (!request.IsDisconnected && !request.Finished)
                {
                    request.ProcessingFailed(failure);
                }

                return null;
            });
        return RenderResult.NotDoneYet;
    }

    private void Respond(Request request, StaticQuery query, StaticPlan plan)
    {
        if (plan.Refusal is not null)
        {
            ServerLog.StaticRefused(request.Site.Logger, query.DisplayPath, plan.Refusal);
        }

        if (request.IsDisconnected || request.Finished)
        {
            plan.Dispose();
            return;
        }

        request.SetResponseCode(plan.StatusCode);
        foreach (var header in plan.Headers)
        {
            request.AddHeader(header.Name, header.Value);
        }

        if (plan.File is null)
        {
            plan.Dispose();
            request.FinishWithBody(plan.Body);
            return;
        }

        var producer = new FileProducer(
            request, plan.TakeFile()!, plan.Offset, plan.Length, request.Site.Threads, Options, request.Site.Logger, plan.RealPath ?? RootPath);
        var firstChunk = plan.FirstChunk;
        plan.FirstChunk = null;
        request.RegisterProducer(producer, streaming: true);
        producer.Start(firstChunk, plan.FirstChunkLength);
    }
}
