using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Web.Http;

namespace NetScope.Web.Server;

/// <summary>Rendering, failures, producers, and the end of the request: finished or abandoned by the client.</summary>
public sealed partial class Request : IConsumer
{
    private List<Deferred>? _notifications;
    private bool _lost;
    private Failure? _lostReason;

    /// <summary>Whether the client went away before the response was finished.</summary>
    public bool IsDisconnected => _lost;

    /// <summary>
    /// A Deferred that fires with <see langword="null"/> once the response is finished and handed to the
    /// connection, or fails with the connection's loss reason (a <c>ConnectionDoneException</c> or
    /// <c>ConnectionLostException</c>) if the client goes away first (twisted.web's <c>notifyFinish</c>).
    /// Asked after the fact, it has already fired with the outcome.
    /// </summary>
    /// <returns>A new Deferred.</returns>
    public Deferred NotifyFinish()
    {
        var finished = new Deferred();
        if (_lost)
        {
            finished.Errback(_lostReason!);
        }
        else if (_state == ResponseState.Finished)
        {
            finished.Callback(null);
        }
        else
        {
            (_notifications ??= []).Add(finished);
        }

        return finished;
    }

    /// <summary>
    /// Renders this request with <paramref name="resource"/> and sends what it returns (twisted.web's
    /// <c>Request.render</c>): 405 or 501 when it does not render the method, 500 when it throws. Wrappers use
    /// it to render another resource into the request, for example after a delay.
    /// </summary>
    /// <param name="resource">The resource.</param>
    public void Render(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Resource = resource;
        RenderResult result;
        try
        {
            result = resource.Render(this);
        }
        catch (UnsupportedMethodException unsupported)
        {
            result = RenderUnsupported(unsupported);
        }
        catch (Exception exception)
        {
            ProcessingFailed(exception);
            return;
        }

        if (!result.IsNotDoneYet)
        {
            FinishWithBody(result.Body);
        }
    }

    /// <summary>
    /// Answers 500 for an error while rendering (twisted.web's <c>processingFailed</c>), for example from a
    /// Deferred's errback; the exception is logged, not shown to the client. If the head was already sent, the
    /// connection is dropped instead, since the status can no longer change.
    /// </summary>
    /// <param name="exception">What went wrong.</param>
    public void ProcessingFailed(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ServerLog.RenderFailed(Site.Logger, exception, Method, Uri);
        if (_lost || _state == ResponseState.Finished)
        {
            return;
        }

        if (_state == ResponseState.Writing)
        {
            _cutShort = true;
            _channel.AbortConnection();
            return;
        }

        _responseHeaders?.Clear();
        _code = 500;
        _reason = null;
        SetHeader(HttpHeaderNames.ContentType, "text/html; charset=utf-8");
        FinishWithBody(System.Text.Encoding.UTF8.GetBytes(
            ErrorPage.BuildPage(500, "Processing Failed", "An error occurred while rendering the response; the server log has the details.")));
    }

    /// <summary>The <see cref="Failure"/> form of <see cref="ProcessingFailed(Exception)"/>, handy as an errback.</summary>
    /// <param name="reason">What went wrong.</param>
    /// <returns><see langword="null"/>, so an errback can return it to end the chain.</returns>
    public object? ProcessingFailed(Failure reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ProcessingFailed(reason.Value);
        return null;
    }

    /// <summary>
    /// Attaches a producer that writes the body through <see cref="Write(ReadOnlySpan{byte})"/> (a file, a
    /// proxy): it is paused while the client reads slower than it produces. Unregister it before finishing.
    /// </summary>
    /// <param name="producer">The producer.</param>
    /// <param name="streaming"><see langword="true"/> for a push producer, <see langword="false"/> for a pull producer.</param>
    public void RegisterProducer(IProducer producer, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(producer);
        if (_lost)
        {
            producer.StopProducing();
            return;
        }

        _channel.RegisterProducer(producer, streaming);
    }

    /// <summary>Detaches the producer registered with <see cref="RegisterProducer"/>.</summary>
    public void UnregisterProducer()
    {
        if (!_lost)
        {
            _channel.UnregisterProducer();
        }
    }

    /// <summary>Starts answering: renders the resource found when the head arrived (or answers a refusal).</summary>
    internal void Process(Exception? routingFailure, int refusalStatus, string? refusalMessage)
    {
        if (refusalStatus != 0)
        {
            RespondWithError(refusalStatus, refusalMessage ?? HttpReasonPhrases.Get(refusalStatus));
        }
        else if (routingFailure is not null)
        {
            ProcessingFailed(routingFailure);
        }
        else
        {
            Render(Resource ?? NotFound.Instance);
        }
    }

    /// <summary>Answers with <paramref name="status"/> and a one-line text body, and closes the connection after it.</summary>
    internal void RespondWithError(int status, string message)
    {
        CloseAfter = true;
        _responseHeaders?.Clear();
        _code = status;
        _reason = null;
        SetHeader(HttpHeaderNames.ContentType, "text/plain; charset=utf-8");
        FinishWithBody(System.Text.Encoding.UTF8.GetBytes($"{status} {HttpReasonPhrases.Get(status)}: {message}\n"));
    }

    /// <summary>The client went away: writes are ignored from now on, and whoever waits on <see cref="NotifyFinish"/> is told why.</summary>
    internal void ConnectionLost(Failure reason)
    {
        if (_lost || _state == ResponseState.Finished)
        {
            return;
        }

        _lost = true;
        _lostReason = reason;
        DisposeBody();
        var notifications = _notifications;
        _notifications = null;
        if (notifications is null)
        {
            return;
        }

        foreach (var finished in notifications)
        {
            finished.Errback(reason);
        }
    }

    private RenderResult RenderUnsupported(UnsupportedMethodException unsupported)
    {
        if (_state != ResponseState.NotStarted)
        {
            ProcessingFailed(unsupported);
            return RenderResult.NotDoneYet;
        }

        _responseHeaders?.Clear();
        if (HttpMethods.IsKnown(Method))
        {
            // RFC 9110 section 15.5.6: a 405 must list the methods the resource does support.
            SetHeader(HttpHeaderNames.Allow, string.Join(", ", unsupported.AllowedMethods));
            return new ErrorPage(405, "Method Not Allowed", $"This resource does not allow the method {Method}.").Render(this);
        }

        return new ErrorPage(501, "Not Implemented", $"The server does not know how to handle a {Method} request.").Render(this);
    }

    private void Complete()
    {
        _state = ResponseState.Finished;
        DisposeBody();
        var notifications = _notifications;
        _notifications = null;
        if (notifications is not null)
        {
            foreach (var finished in notifications)
            {
                finished.Callback(null);
            }
        }

        _channel.RequestFinished(this);
    }
}
