using NetScope.Web.Client.Connections;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// The rules for following redirects, shared by <see cref="RedirectAgent"/> and the session model, as curl
/// applies them with <c>-L</c>:
/// <list type="bullet">
/// <item>301 and 302 keep the method and body, except that a POST becomes a GET without body (what every
/// browser does, RFC 9110 section 15.4.2);</item>
/// <item>303 turns every method but HEAD into a GET without body;</item>
/// <item>307 and 308 keep the method and the body; a body that cannot be sent again stops the chain there;</item>
/// <item>a redirect to another origin drops the caller's Authorization and Cookie fields (and a Host the caller set);</item>
/// <item>a missing or invalid Location, or one that is not http or https, ends the chain with that response.</item>
/// </list>
/// </summary>
public static class HttpRedirects
{
    private static readonly string[] BodyFields = [HttpHeaderNames.ContentType, HttpHeaderNames.ContentEncoding, HttpHeaderNames.ContentLanguage, HttpHeaderNames.ContentLocation];
    private static readonly string[] CredentialFields = [HttpHeaderNames.Authorization, HttpHeaderNames.Cookie, HttpHeaderNames.Host];

    /// <summary>Whether <paramref name="statusCode"/> is a redirect this client follows: 301, 302, 303, 307 or 308.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns><see langword="true"/> for the five redirects.</returns>
    public static bool IsRedirect(int statusCode) => statusCode is 301 or 302 or 303 or 307 or 308;

    /// <summary>The request that follows <paramref name="response"/>, or <see langword="null"/> when the chain ends with it.</summary>
    /// <param name="method">The method of the request that got <paramref name="response"/>.</param>
    /// <param name="headers">The caller's header fields of that request.</param>
    /// <param name="body">Its body.</param>
    /// <param name="response">The response.</param>
    /// <returns>The next request, or <see langword="null"/>.</returns>
    public static HttpRedirect? Next(string method, HttpHeaders? headers, HttpRequestBody? body, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(response);
        if (!IsRedirect(response.StatusCode)
            || response.Headers.Get(HttpHeaderNames.Location) is not { } location
            || !UrlResolver.TryResolve(response.Url, location, out var url))
        {
            return null;
        }

        var dropBody = response.StatusCode switch
        {
            301 or 302 => method == HttpMethods.Post,
            303 => method != HttpMethods.Head,
            _ => false,
        };
        var nextMethod = dropBody ? HttpMethods.Get : method;
        var nextBody = dropBody ? null : body;
        if (nextBody is { IsReplayable: false })
        {
            return null;
        }

        var sameOrigin = url.Scheme == response.Url.Scheme
            && string.Equals(url.Host, response.Url.Host, StringComparison.OrdinalIgnoreCase)
            && url.Port == response.Url.Port;
        HttpHeaders? nextHeaders = null;
        if (headers is not null)
        {
            nextHeaders = new HttpHeaders();
            foreach (var header in headers)
            {
                if ((dropBody && IsOneOf(header.Name, BodyFields)) || (!sameOrigin && IsOneOf(header.Name, CredentialFields)))
                {
                    continue;
                }

                nextHeaders.Add(header.Name, header.Value);
            }
        }

        return new HttpRedirect(nextMethod, url, nextHeaders, nextBody);
    }

    private static bool IsOneOf(string name, string[] names) => Array.Exists(names, candidate => candidate.Equals(name, StringComparison.OrdinalIgnoreCase));
}
