using NetScope.Core.Defer;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// Follows redirects for any agent (Twisted's <c>BrowserLikeRedirectAgent</c>), with <see cref="HttpRedirects"/>'
/// rules. The body of each redirect is read and dropped (a long one is abandoned with its connection); the final
/// response links the redirects it came through in <see cref="HttpResponse.PreviousResponse"/>. A request's
/// <see cref="HttpExchangeOptions"/> apply to each hop.
/// </summary>
public sealed class RedirectAgent : IHttpAgent
{
    /// <summary>A redirect body longer than this is not worth reading to keep its connection.</summary>
    private const long DiscardLimit = 64 * 1024;

    private readonly IHttpAgent _agent;

    /// <summary>Wraps <paramref name="agent"/>.</summary>
    /// <param name="agent">Sends each hop.</param>
    /// <param name="maxRedirects">The most redirects followed; one more fails with <see cref="TooManyRedirectsException"/>.</param>
    public RedirectAgent(IHttpAgent agent, int maxRedirects = 20)
    {
        _agent = agent ?? throw new ArgumentNullException(nameof(agent));
        ArgumentOutOfRangeException.ThrowIfNegative(maxRedirects);
        MaxRedirects = maxRedirects;
    }

    /// <summary>The most redirects followed.</summary>
    public int MaxRedirects { get; }

    /// <inheritdoc/>
    public Deferred<HttpResponse> Request(string method, HttpUrl url, HttpHeaders? headers = null, HttpRequestBody? body = null, HttpExchangeOptions? options = null)
    {
        // Cancelling reaches the hop in progress, whose failure then ends the chain.
        Deferred? hop = null;
        var result = new Deferred<HttpResponse>(_ => hop?.Cancel()).WithLabel($"{method} {url} (following redirects)");
        Follow(method, url, headers, body, options, current => hop = current).AddCallbacks(
            response =>
            {
                if (!result.Called)
                {
                    result.Callback((HttpResponse)response!);
                }

                return null;
            },
            failure =>
            {
                if (!result.Called)
                {
                    result.Errback(failure);
                }

                return null;
            });
        return result;
    }

    private async Deferred<HttpResponse> Follow(
        string method, HttpUrl url, HttpHeaders? headers, HttpRequestBody? body, HttpExchangeOptions? options, Action<Deferred> hopStarted)
    {
        HttpResponse? previous = null;
        for (var hops = 0; ; hops++)
        {
            var request = _agent.Request(method, url, headers, body, options);
            hopStarted(request);
            var response = await request;
            response.PreviousResponse = previous;
            if (HttpRedirects.Next(method, headers, body, response) is not { } next)
            {
                return response;
            }

            var discarding = response.DiscardBody(DiscardLimit);
            hopStarted(discarding);
            await discarding;
            if (hops == MaxRedirects)
            {
                throw new TooManyRedirectsException(MaxRedirects, response);
            }

            (method, url, headers, body) = (next.Method, next.Url, next.Headers, next.Body);
            previous = response;
        }
    }
}
