using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>A request as the client put it on the wire: what a response answers.</summary>
/// <param name="Method">The method.</param>
/// <param name="Url">The URL asked for.</param>
/// <param name="Target">The request-target sent: origin-form (<c>/path?q</c>), absolute-form through a proxy, or <c>host:port</c> for CONNECT.</param>
/// <param name="Version">The version announced.</param>
/// <param name="Headers">Every header field sent, defaults and framing included, in order.</param>
public sealed record HttpSentRequest(string Method, HttpUrl Url, string Target, HttpProtocolVersion Version, HttpHeaders Headers);
