using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Server.Internal;

namespace NetScope.Web.Server;

/// <summary>
/// A resource that gives every request, whatever its method and path, the same answer: one status, fixed
/// headers and a fixed body (twisted.web's <c>static.Data</c>, generalised). Its head is serialized once, so
/// each answer costs one copy of it plus the Date line, sent with the body in one vectored write.
/// </summary>
public sealed class FixedResource : Resource
{
    private readonly PreparedResponse _prepared;

    /// <summary>Creates a fixed answer.</summary>
    /// <param name="statusCode">The status, 200 to 999.</param>
    /// <param name="body">The body; must be empty for 204 and 304. Not copied: do not change it afterwards.</param>
    /// <param name="headers">Headers to send (Content-Length, Transfer-Encoding and Connection are the server's, except that <c>Connection: close</c> closes after each answer).</param>
    /// <exception cref="ArgumentException">A bodiless status with a body.</exception>
    public FixedResource(int statusCode, ReadOnlyMemory<byte> body, HttpHeaders? headers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        if (Request.IsBodiless(statusCode) && !body.IsEmpty)
        {
            throw new ArgumentException($"A {statusCode} response cannot carry a body.", nameof(body));
        }

        StatusCode = statusCode;
        Body = body;
        _prepared = new PreparedResponse(statusCode, headers ?? new HttpHeaders(), body);
    }

    /// <summary>The status answered.</summary>
    public int StatusCode { get; }

    /// <summary>The body answered.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <inheritdoc/>
    public override bool IsLeaf => true;

    /// <summary>A 200 answer with <paramref name="text"/> as UTF-8 and the given content type.</summary>
    /// <param name="text">The body.</param>
    /// <param name="contentType">The content type. <remarks>Defaults to "text/plain; charset=utf-8".</remarks></param>
    /// <returns>The resource.</returns>
    public static FixedResource Text(string text, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.ContentType, contentType);
        return new FixedResource(200, Encoding.UTF8.GetBytes(text), headers);
    }

    /// <summary>Answers whatever the method (so the body of an upload is read and dropped).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/>.</returns>
    public override bool WantsBody(Request request) => true;

    /// <inheritdoc/>
    public override RenderResult Render(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.FinishPrepared(_prepared);
        return RenderResult.NotDoneYet;
    }
}
