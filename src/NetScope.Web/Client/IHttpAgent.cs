using NetScope.Core.Defer;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// Makes HTTP requests (Twisted's <c>IAgent</c>). <see cref="HttpAgent"/> does the work; wrappers such as
/// <see cref="RedirectAgent"/> and <see cref="ContentDecoderAgent"/> add behaviour around any agent.
/// </summary>
public interface IHttpAgent
{
    /// <summary>Sends a request; call it on the reactor thread.</summary>
    /// <param name="method">The method, for example GET (methods are case-sensitive).</param>
    /// <param name="url">The http or https URL.</param>
    /// <param name="headers">Header fields to send beside the defaults (Host, User-Agent, Accept and the body's framing).</param>
    /// <param name="body">The body, or <see langword="null"/> for none.</param>
    /// <param name="options">The time limit and observer of this request.</param>
    /// <returns>
    /// A Deferred that fires with the response once its head has arrived (read its body from there), or fails
    /// with a typed connect error, <see cref="HttpResponseException"/>, <see cref="HttpTimeoutException"/>,
    /// <see cref="HttpTunnelException"/>, or the connection's error. Cancelling it gives up the request.
    /// </returns>
    Deferred<HttpResponse> Request(string method, HttpUrl url, HttpHeaders? headers = null, HttpRequestBody? body = null, HttpExchangeOptions? options = null);
}
