using System.Globalization;
using NetScope.Core.Defer;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Client;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Starts an HTTP request session: one request and its response, with the connection it used, its Deferreds,
/// its phases (dns, connect, tls, first bytes, request sent, headers received, body received) and a transcript.
/// The session ends with the response body. A redirect, when asked to follow, opens the next request as a new
/// session, so each hop keeps its own timings; <see cref="Response"/> fires with the final response.
/// </summary>
/// <remarks>Read the body of <see cref="Response"/> (the session ends only when it is complete).</remarks>
public sealed class HttpSessionStarter : ISessionStarter
{
    /// <summary>A redirect body longer than this is abandoned with its connection rather than read.</summary>
    private const long DiscardLimit = 64 * 1024;

    private readonly HttpSessionRequest _request;
    private Deferred? _hop;

    /// <summary>Creates the starter for <paramref name="request"/>.</summary>
    public HttpSessionStarter(HttpSessionRequest request)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        Response = new Deferred<HttpResponse>(_ => _hop?.Cancel()).WithLabel($"{request.Method} {request.Url}");
    }

    /// <inheritdoc/>
    public string Kind => "http";

    /// <inheritdoc/>
    public string Target => $"{_request.Method} {_request.Url}";

    /// <summary>
    /// Fires with the final response once its head has arrived (after any redirects followed), or fails with why
    /// there is none. Cancelling it gives up the request in progress.
    /// </summary>
    public Deferred<HttpResponse> Response { get; }

    /// <inheritdoc/>
    public void Start(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = _request;
        var now = context.Reactor.Seconds();
        var deadline = request.Deadline ?? (request.TimeoutSeconds > 0 ? now + request.TimeoutSeconds : null);
        if (deadline is { } end && end <= now)
        {
            throw new HttpTimeoutException(string.Create(CultureInfo.InvariantCulture, $"no response within {request.TimeoutSeconds:0.###} s"));
        }

        var recorder = new HttpSessionRecorder(context, request.TranscriptBodyLimit, request.Observer);
        context.OnClose(_ =>
        {
            // A request cannot be closed halfway in good order: whatever is in progress is given up.
            if (!Response.Called)
            {
                _hop?.Cancel();
            }

            recorder.Transport?.AbortConnection();
        });
        var options = new HttpExchangeOptions { TimeoutSeconds = deadline is { } limit ? limit - now : 0, Observer = recorder };
        var hop = request.Agent.Request(request.Method, request.Url, request.Headers, request.Body, options);
        _hop = hop;
        hop.AddCallbacks(
            result =>
            {
                Answered(context, (HttpResponse)result!, deadline);
                return null;
            },
            failure =>
            {
                Fail(failure.Value);
                return null;
            });
    }

    private void Answered(SessionContext context, HttpResponse response, double? deadline)
    {
        var request = _request;
        response.PreviousResponse ??= request.Previous;
        if (!request.FollowRedirects || HttpRedirects.Next(request.Method, request.Headers, request.Body, response) is not { } next)
        {
            Deliver(response);
            return;
        }

        var discarding = response.DiscardBody(DiscardLimit);
        _hop = discarding;
        discarding.AddCallback(_ =>
        {
            if (request.Hop == request.MaxRedirects)
            {
                Fail(new TooManyRedirectsException(request.MaxRedirects, response));
                return null;
            }

            var following = new HttpSessionStarter(request with
            {
                Method = next.Method,
                Url = next.Url,
                Headers = next.Headers,
                Body = next.Body,
                Previous = response,
                Hop = request.Hop + 1,
                Deadline = deadline,
            });
            _hop = following.Response;
            following.Response.AddCallbacks(
                final =>
                {
                    Deliver((HttpResponse)final!);
                    return null;
                },
                failure =>
                {
                    Fail(failure.Value);
                    return null;
                });
            try
            {
                context.Workspace.Open(following);
            }
            catch (Exception exception)
            {
                Fail(exception);
            }

            return null;
        });
    }

    private void Deliver(HttpResponse response)
    {
        if (!Response.Called)
        {
            Response.Callback(response);
        }
    }

    private void Fail(Exception error)
    {
        if (!Response.Called)
        {
            Response.Errback(error);
        }
    }
}
