using NetScope.Core.Defer;
using NetScope.Web.Client.Decoding;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// Asks for compressed bodies and decodes them, for any agent (Twisted's <c>ContentDecoderAgent</c>): it sends
/// <c>Accept-Encoding: gzip, deflate</c> (unless the request names its own) and wraps each response whose
/// Content-Encoding ends with gzip, x-gzip or deflate in one whose body is decoded as it streams. The decoded
/// response has those codings taken off Content-Encoding and no Content-Length; <see cref="HttpResponse.Undecoded"/>
/// is the response as it arrived.
/// </summary>
/// <remarks>Decoding uses the system's zlib; where it cannot be loaded, nothing is asked for and bodies arrive as sent.</remarks>
public sealed class ContentDecoderAgent : IHttpAgent
{
    /// <summary>The Accept-Encoding value sent.</summary>
    public const string AcceptEncoding = "gzip, deflate";

    private readonly IHttpAgent _agent;

    /// <summary>Wraps <paramref name="agent"/>.</summary>
    /// <param name="agent">Sends the requests.</param>
    public ContentDecoderAgent(IHttpAgent agent)
    {
        _agent = agent ?? throw new ArgumentNullException(nameof(agent));
    }

    /// <inheritdoc/>
    public Deferred<HttpResponse> Request(string method, HttpUrl url, HttpHeaders? headers = null, HttpRequestBody? body = null, HttpExchangeOptions? options = null)
    {
        if (!ZLibNative.IsAvailable)
        {
            return _agent.Request(method, url, headers, body, options);
        }

        var sent = new HttpHeaders();
        foreach (var header in headers ?? new HttpHeaders())
        {
            sent.Add(header.Name, header.Value);
        }

        if (!sent.Contains(HttpHeaderNames.AcceptEncoding))
        {
            sent.Add(HttpHeaderNames.AcceptEncoding, AcceptEncoding);
        }

        var response = _agent.Request(method, url, sent, body, options);
        var decoded = new Deferred<HttpResponse>(_ => response.Cancel()).WithLabel($"decode {method} {url}");
        response.AddCallbacks(
            result =>
            {
                decoded.Callback(Decode((HttpResponse)result!));
                return null;
            },
            failure =>
            {
                decoded.Errback(failure);
                return null;
            });
        return decoded;
    }

    /// <summary>Wraps <paramref name="response"/> in decoders for the codings at the end of its Content-Encoding.</summary>
    internal static HttpResponse Decode(HttpResponse response)
    {
        var codings = response.Headers.GetTokens(HttpHeaderNames.ContentEncoding);
        if (codings.Length == 0 || response.ContentLength == 0 || response.Method == HttpMethods.Head || response.StatusCode is 204 or 304)
        {
            return response;
        }

        // Codings are listed in the order they were applied: undo them from the last.
        var decodable = 0;
        while (decodable < codings.Length && IsSupported(codings[^(decodable + 1)]))
        {
            decodable++;
        }

        if (decodable == 0)
        {
            return response;
        }

        var headers = new HttpHeaders();
        foreach (var header in response.Headers)
        {
            if (!header.Name.Equals(HttpHeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase)
                && !header.Name.Equals(HttpHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header.Name, header.Value);
            }
        }

        if (decodable < codings.Length)
        {
            headers.Add(HttpHeaderNames.ContentEncoding, string.Join(", ", codings[..^decodable]));
        }

        var decoded = response;
        for (var i = 1; i <= decodable; i++)
        {
            var name = codings[^i].ToLowerInvariant();
            decoded = decoded.WithDecodedBody(i == decodable ? headers : decoded.Headers, () => new ZLibInflater(name));
        }

        return decoded;
    }

    private static bool IsSupported(string coding) =>
        coding.Equals("gzip", StringComparison.OrdinalIgnoreCase)
        || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)
        || coding.Equals("deflate", StringComparison.OrdinalIgnoreCase);
}
