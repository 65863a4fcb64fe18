using System.Globalization;
using NetScope.Web.Client.Bodies;
using NetScope.Web.Client.Decoding;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// A response as <see cref="IHttpAgent.Request"/> delivers it (Twisted's <c>IResponse</c>): the status line
/// and header fields at once, the body later, either in full with <see cref="ReadBody"/> or streamed to an
/// <see cref="IHttpBodyConsumer"/> with <see cref="DeliverBody"/>. Use it on the reactor thread.
/// </summary>
/// <remarks>
/// Until a consumer is attached the connection stops reading, so an unread body costs at most one read's
/// worth of memory; the body can be delivered once.
/// </remarks>
public sealed partial class HttpResponse
{
    internal HttpResponse(
        HttpSentRequest request,
        HttpProtocolVersion version,
        int statusCode,
        string reasonPhrase,
        HttpHeaders headers,
        long contentLength,
        HttpRequestTimings timings,
        IResponseBodySource? source)
    {
        Request = request;
        Version = version;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
        ContentLength = contentLength;
        Timings = timings;
        _source = source;
    }

    /// <summary>The request this response answers, as it was sent.</summary>
    public HttpSentRequest Request { get; }

    /// <summary>The request's method.</summary>
    public string Method => Request.Method;

    /// <summary>The URL the request asked for.</summary>
    public HttpUrl Url => Request.Url;

    /// <summary>HTTP/1.0 or HTTP/1.1.</summary>
    public HttpProtocolVersion Version { get; }

    /// <summary>The three-digit status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (possibly empty).</summary>
    public string ReasonPhrase { get; }

    /// <summary>The header fields in order, names in their original case.</summary>
    public HttpHeaders Headers { get; }

    /// <summary>The body length announced by Content-Length, or -1 when unknown (chunked, until close, or decoded).</summary>
    public long ContentLength { get; }

    /// <summary>The trailer fields of a chunked body, once it is complete and had any.</summary>
    public HttpHeaders? Trailers { get; internal set; }

    /// <summary>When each phase of the request was reached; complete once the body is.</summary>
    public HttpRequestTimings Timings { get; }

    /// <summary>The redirect this response was reached through, when a redirect was followed (set by whoever follows it); earlier ones are chained.</summary>
    public HttpResponse? PreviousResponse { get; set; }

    /// <summary>
    /// For a response whose body <see cref="ContentDecoderAgent"/> decodes: the response as it arrived (its
    /// Content-Encoding and Content-Length intact). <see langword="null"/> otherwise.
    /// </summary>
    public HttpResponse? Undecoded { get; private init; }

    /// <summary>The status line, without its CRLF: <c>HTTP/1.1 404 Not Found</c>.</summary>
    public string StatusLine => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Version == HttpProtocolVersion.Http11 ? "HTTP/1.1" : "HTTP/1.0")} {StatusCode} {ReasonPhrase}").TrimEnd();

    /// <summary>A copy of this response whose body is the decoded form of this one's (the decoding starts when it is delivered).</summary>
    internal HttpResponse WithDecodedBody(HttpHeaders headers, Func<IContentDecoder> decoder)
    {
        var decoding = new DecodingBodySource(this, decoder);
        var decoded = new HttpResponse(Request, Version, StatusCode, ReasonPhrase, headers, -1, Timings, decoding)
        {
            Undecoded = Undecoded ?? this,
            PreviousResponse = PreviousResponse,
        };
        decoding.Target = decoded;
        return decoded;
    }

    /// <inheritdoc/>
    public override string ToString() => $"<HttpResponse {StatusLine} for {Method} {Url}>";
}
