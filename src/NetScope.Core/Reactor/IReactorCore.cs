using System.Net;
using NetScope.Core.Defer;

namespace NetScope.Core.Reactor;

/// <summary>
/// The event loop's life cycle (Twisted's <c>IReactorCore</c>): run, stop, and the system
/// events ("startup", "shutdown") whose triggers let services start and stop in order.
/// </summary>
public interface IReactorCore
{
    /// <summary><see langword="true"/> while <see cref="Run"/> is looping.</summary>
    bool Running { get; }

    /// <summary>
    /// Runs the event loop on the calling thread, which becomes the reactor thread, until
    /// <see cref="Stop"/> has completed the shutdown sequence. Fires "startup" first.
    /// </summary>
    /// <exception cref="ReactorAlreadyRunningException">The reactor is running or has run.</exception>
    void Run();

    /// <summary>
    /// Begins an orderly shutdown: fires "shutdown" (before triggers, then the reactor stops
    /// listening, closes connections with a grace period, then after triggers) and then
    /// returns from <see cref="Run"/>. Call it on the reactor thread (use
    /// <c>CallFromThread</c> elsewhere).
    /// </summary>
    /// <exception cref="ReactorNotRunningException">The reactor is not running or is already stopping.</exception>
    void Stop();

    /// <summary>Stops the loop at once without the shutdown sequence (for tests and emergencies).</summary>
    void Crash();

    /// <summary>Calls <paramref name="callable"/> once the loop is running (at once if it already is).</summary>
    void CallWhenRunning(Action callable);

    /// <summary>
    /// Adds a trigger for <paramref name="eventType"/> ("startup", "shutdown" or one of your
    /// own) in <paramref name="phase"/>. A trigger may return a Deferred: the next phase starts
    /// only after every Deferred returned in this one has fired.
    /// </summary>
    /// <returns>A handle for <see cref="RemoveSystemEventTrigger"/>.</returns>
    object AddSystemEventTrigger(SystemEventPhase phase, string eventType, Func<object?> callable);

    /// <summary>Removes a trigger added by <see cref="AddSystemEventTrigger"/>.</summary>
    void RemoveSystemEventTrigger(object handle);

    /// <summary>Fires <paramref name="eventType"/>: its before, during and after triggers, in order.</summary>
    void FireSystemEvent(string eventType);

    /// <summary>
    /// Resolves <paramref name="name"/> to addresses without blocking the loop. An IP literal
    /// resolves at once. Fails with <see cref="Errors.HostNotFoundException"/>.
    /// </summary>
    Deferred<IPAddress[]> Resolve(string name);
}
