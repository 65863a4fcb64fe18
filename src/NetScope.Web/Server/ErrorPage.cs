using System.Net;
using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server;

/// <summary>
/// A resource that answers every method and every path under it with one status and a small HTML page
/// (twisted.web's <c>ErrorPage</c>). The texts are HTML-escaped, so they may quote the request.
/// </summary>
public class ErrorPage : Resource
{
    private readonly byte[] _page;

    /// <summary>Creates an error page.</summary>
    /// <param name="statusCode">The status to answer with (400 to 599, or any other the page stands for).</param>
    /// <param name="brief">The title, for example "No Such Resource".</param>
    /// <param name="detail">One sentence saying why.</param>
    public ErrorPage(int statusCode, string brief, string detail)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        ArgumentNullException.ThrowIfNull(brief);
        ArgumentNullException.ThrowIfNull(detail);
        StatusCode = statusCode;
        Brief = brief;
        Detail = detail;
        _page = Encoding.UTF8.GetBytes(BuildPage(statusCode, brief, detail));
    }

    /// <summary>The status answered.</summary>
    public int StatusCode { get; }

    /// <summary>The page title.</summary>
    public string Brief { get; }

    /// <summary>The explanation.</summary>
    public string Detail { get; }

    /// <inheritdoc/>
    public override bool IsLeaf => true;

    /// <inheritdoc/>
    public override Resource GetChild(string path, Request request) => this;

    /// <summary>The body of an error is never wanted: the answer does not depend on it.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="false"/>.</returns>
    public override bool WantsBody(Request request) => false;

    /// <inheritdoc/>
    public override RenderResult Render(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.SetResponseCode(StatusCode);
        request.SetHeader(HttpHeaderNames.ContentType, "text/html; charset=utf-8");
        return _page;
    }

    /// <summary>The HTML of an error page, with <paramref name="brief"/> and <paramref name="detail"/> escaped.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="brief">The title.</param>
    /// <param name="detail">The explanation.</param>
    /// <returns>A small HTML document.</returns>
    public static string BuildPage(int statusCode, string brief, string detail)
    {
        var title = WebUtility.HtmlEncode(brief);
        return $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{statusCode} - {title}</title></head>\n"
            + $"<body><h1>{title}</h1>\n<p>{WebUtility.HtmlEncode(detail)}</p></body></html>\n";
    }
}
