using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>The request to send next when following a redirect (from <see cref="HttpRedirects.Next"/>).</summary>
/// <param name="Method">The method: the same, or GET after a 303 (and after a 301 or 302 to a POST).</param>
/// <param name="Url">The resolved Location.</param>
/// <param name="Headers">The caller's header fields to send, without those the new request must not carry.</param>
/// <param name="Body">The body to send again (307 and 308, and 301 and 302 for methods other than POST), or <see langword="null"/>.</param>
public sealed record HttpRedirect(string Method, HttpUrl Url, HttpHeaders? Headers, HttpRequestBody? Body);
