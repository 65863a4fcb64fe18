namespace NetScope.Web.Server.Listeners;

/// <summary>
/// Waits before answering: after <see cref="Delay"/> on the reactor clock, routes the request into
/// <see cref="Inner"/> and renders it there. A client that leaves during the wait cancels it.
/// </summary>
public sealed class DelayedResource : Resource
{
    /// <summary>Delays <paramref name="inner"/>'s answers by <paramref name="delay"/>.</summary>
    /// <param name="inner">The resource tree that answers.</param>
    /// <param name="delay">How long to wait; zero or more.</param>
    public DelayedResource(Resource inner, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Inner = inner;
        Delay = delay;
    }

    /// <summary>The resource tree that answers.</summary>
    public Resource Inner { get; }

    /// <summary>How long each answer waits.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The whole path is routed into <see cref="Inner"/> once the delay is over.</summary>
    public override bool IsLeaf => true;

    /// <summary>Whether the inner resource wants the body is only known after routing, so the body is read.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/>.</returns>
    public override bool WantsBody(Request request) => true;

    /// <inheritdoc/>
    public override RenderResult Render(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = request.Site.Clock.CallLater(Delay.TotalSeconds, () =>
        {
            if (request.IsDisconnected || request.Finished)
            {
                return;
            }

            Resource target;
            try
            {
                target = GetChildForRequest(Inner, request);
            }
            catch (Exception exception)
            {
                request.ProcessingFailed(exception);
                return;
            }

            request.Render(target);
        });
        request.NotifyFinish().AddErrback(_ =>
        {
            if (call.Active())
            {
                call.Cancel();
            }

            return null;
        });
        return RenderResult.NotDoneYet;
    }
}
