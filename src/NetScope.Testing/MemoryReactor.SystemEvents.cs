using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Testing;

/// <content>System event triggers, with Twisted's three phases.</content>
public sealed partial class MemoryReactor
{
    private readonly List<SystemEventTrigger> _triggers = [];
    private readonly List<Exception> _triggerErrors = [];

    /// <summary>Exceptions thrown by triggers, or failures of the Deferreds they returned (a real reactor logs them).</summary>
    public IReadOnlyList<Exception> TriggerErrors => _triggerErrors;

    /// <summary>The triggers added and not yet run or removed.</summary>
    public int PendingTriggerCount => _triggers.Count;

    /// <inheritdoc/>
    public object AddSystemEventTrigger(SystemEventPhase phase, string eventType, Func<object?> callable)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(callable);
        var trigger = new SystemEventTrigger(phase, eventType, callable);
        _triggers.Add(trigger);
        return trigger;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The handle is not a pending trigger of this reactor.</exception>
    public void RemoveSystemEventTrigger(object handle)
    {
        if (handle is not SystemEventTrigger trigger || !_triggers.Remove(trigger))
        {
            throw new ArgumentException("Not a pending trigger of this reactor.", nameof(handle));
        }
    }

    /// <summary>
    /// Runs the triggers of <paramref name="eventType"/>, phase by phase: a phase starts once
    /// the Deferreds returned by the previous one have fired. Triggers run once (as in
    /// Twisted, firing consumes them).
    /// </summary>
    public void FireSystemEvent(string eventType) => FireEvent(eventType);

    private Deferred FireEvent(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var done = new Deferred();
        RunPhase(eventType, SystemEventPhase.Before, done);
        return done;
    }

    private void RunPhase(string eventType, SystemEventPhase phase, Deferred done)
    {
        var waits = new List<Deferred>();

        // Take the triggers of this phase one at a time: a trigger may add or remove others.
        while (_triggers.Find(t => t.Phase == phase && t.EventType == eventType) is { } trigger)
        {
            _triggers.Remove(trigger);
            try
            {
                if (trigger.Callable() is Deferred deferred)
                {
                    waits.Add(deferred.AddErrback(failure =>
                    {
                        _triggerErrors.Add(failure.Value);
                        return null;
                    }));
                }
            }
            catch (Exception exception)
            {
                _triggerErrors.Add(exception);
            }
        }

        new DeferredList(waits).AddCallback(_ =>
        {
            if (phase == SystemEventPhase.After)
            {
                done.Callback(null);
            }
            else
            {
                RunPhase(eventType, phase + 1, done);
            }

            return null;
        });
    }

    private sealed record SystemEventTrigger(SystemEventPhase Phase, string EventType, Func<object?> Callable);
}
