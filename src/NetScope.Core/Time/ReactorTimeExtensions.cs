using NetScope.Core.Defer;

namespace NetScope.Core.Time;

/// <summary>Conveniences on any <see cref="IReactorTime"/>.</summary>
public static class ReactorTimeExtensions
{
    /// <summary>
    /// A Deferred that fires after <paramref name="delaySeconds"/> with the result of
    /// <paramref name="function"/> (which may return a Deferred), or <see langword="null"/> when no
    /// function is given (Twisted's <c>task.deferLater</c>). Cancelling it cancels the pending call.
    /// </summary>
    public static Deferred DeferLater(this IReactorTime clock, double delaySeconds, Func<object?>? function = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        IDelayedCall? delayedCall = null;
        var deferred = new Deferred(_ => delayedCall!.Cancel());
        deferred.AddCallback(_ => function?.Invoke());
        delayedCall = clock.CallLater(delaySeconds, () => deferred.Callback(null));
        return deferred;
    }

    /// <summary>Schedules <paramref name="callable"/> after <paramref name="delay"/> (see <see cref="IReactorTime.CallLater"/>).</summary>
    public static IDelayedCall CallLater(this IReactorTime clock, TimeSpan delay, Action callable)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.CallLater(delay.TotalSeconds, callable);
    }
}
