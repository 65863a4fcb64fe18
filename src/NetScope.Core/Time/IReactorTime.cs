namespace NetScope.Core.Time;

/// <summary>
/// Time as a reactor sees it: a clock in seconds and calls scheduled against it
/// (Twisted's <c>IReactorTime</c>). Everything in NetScope that needs "now" or "later"
/// takes one of these, so tests can drive time by hand with the Testing package's Clock.
/// </summary>
public interface IReactorTime
{
    /// <summary>
    /// The current time in seconds. The origin is the implementation's own (a monotonic
    /// clock for reactors); only differences between two readings are meaningful.
    /// </summary>
    double Seconds();

    /// <summary>
    /// Calls <paramref name="callable"/> once, <paramref name="delaySeconds"/> from now.
    /// Calls due at the same time run in the order they were scheduled. What happens to an
    /// exception thrown by <paramref name="callable"/> depends on the implementation: a reactor
    /// logs it and goes on running later calls; the Testing package's <c>Clock</c> lets it
    /// propagate out of <c>Advance</c> (later calls stay pending), so a test sees it.
    /// </summary>
    /// <param name="delaySeconds">How long to wait, in seconds; must be finite and not negative.</param>
    /// <param name="callable">What to call.</param>
    /// <returns>A handle to cancel, delay or reset the call.</returns>
    IDelayedCall CallLater(double delaySeconds, Action callable);

    /// <summary>All calls scheduled and neither run nor cancelled yet, in due order.</summary>
    IReadOnlyList<IDelayedCall> GetDelayedCalls();
}
