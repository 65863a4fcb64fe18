using NetScope.Core.Defer;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>Conveniences over <see cref="IHttpAgent"/>.</summary>
public static class HttpAgentExtensions
{
    /// <summary>Sends a request to a URL given as text.</summary>
    /// <param name="agent">The agent.</param>
    /// <param name="method">The method.</param>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="headers">Header fields to send beside the defaults.</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="options">The time limit and observer of this request.</param>
    /// <returns>The response's Deferred (see <see cref="IHttpAgent.Request"/>).</returns>
    /// <exception cref="FormatException">The URL is not an absolute http or https URL.</exception>
    public static Deferred<HttpResponse> Request(
        this IHttpAgent agent, string method, string url, HttpHeaders? headers = null, HttpRequestBody? body = null, HttpExchangeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Request(method, HttpUrl.Parse(url), headers, body, options);
    }
}
