using NetScope.Core.Defer;

namespace NetScope.Core.Reactor;

/// <summary>Conveniences for running a reactor.</summary>
public static class ReactorExtensions
{
    /// <summary>
    /// Runs the reactor on the calling thread until the Deferred returned by
    /// <paramref name="main"/> fires, then stops it in order (Twisted's <c>task.react</c>).
    /// </summary>
    /// <returns>The Deferred's final result: a value, or the <see cref="Failure"/> it ended with.</returns>
    public static object? React(this IReactor reactor, Func<Deferred> main)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        ArgumentNullException.ThrowIfNull(main);
        object? outcome = null;
        var stopping = false;
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            stopping = true;
            return null;
        });
        reactor.CallWhenRunning(() =>
        {
            Deferred.MaybeDeferred(main).AddBoth(result =>
            {
                outcome = result;
                if (!stopping)
                {
                    reactor.Stop();
                }

                return null;
            });
        });
        reactor.Run();
        return outcome;
    }
}
