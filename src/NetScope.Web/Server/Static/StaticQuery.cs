using NetScope.Web.Http;

namespace NetScope.Web.Server.Static;

/// <summary>
/// What a static file lookup needs from a request, copied on the reactor thread so the lookup can run on a
/// pool thread without touching the request.
/// </summary>
internal sealed class StaticQuery
{
    private StaticQuery(Request request)
    {
        Method = request.Method;
        Segments = [.. request.Postpath];
        RawPath = request.RawPath;
        Query = request.Query;
        DisplayPath = request.Path;
        Now = request.Site.Options.TimeProvider.GetUtcNow();
        var headers = request.RequestHeaders;
        IfMatch = headers.Get(HttpHeaderNames.IfMatch);
        IfNoneMatch = headers.Get(HttpHeaderNames.IfNoneMatch);
        IfModifiedSince = headers.Get(HttpHeaderNames.IfModifiedSince);
        IfUnmodifiedSince = headers.Get(HttpHeaderNames.IfUnmodifiedSince);
        Range = headers.Get(HttpHeaderNames.Range);
        IfRange = headers.Get(HttpHeaderNames.IfRange);
    }

    public string Method { get; }

    /// <summary>The decoded segments below the static file resource (its postpath).</summary>
    public string[] Segments { get; }

    public string RawPath { get; }

    public string Query { get; }

    public string DisplayPath { get; }

    public DateTimeOffset Now { get; }

    public string? IfMatch { get; }

    public string? IfNoneMatch { get; }

    public string? IfModifiedSince { get; }

    public string? IfUnmodifiedSince { get; }

    public string? Range { get; }

    public string? IfRange { get; }

    public bool IsHead => Method == HttpMethods.Head;

    public static StaticQuery From(Request request) => new(request);
}
