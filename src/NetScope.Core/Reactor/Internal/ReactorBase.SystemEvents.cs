using NetScope.Core.Defer;

namespace NetScope.Core.Reactor.Internal;

/// <content>System event triggers.</content>
internal abstract partial class ReactorBase
{
    private readonly Dictionary<string, ThreePhaseEvent> _events = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public object AddSystemEventTrigger(SystemEventPhase phase, string eventType, Func<object?> callable)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(callable);
        if (!_events.TryGetValue(eventType, out var systemEvent))
        {
            systemEvent = new ThreePhaseEvent(eventType, Logger);
            _events.Add(eventType, systemEvent);
        }

        return systemEvent.Add(phase, callable);
    }

    /// <inheritdoc/>
    public void RemoveSystemEventTrigger(object handle)
    {
        if (handle is not ThreePhaseEvent.Trigger trigger || !trigger.Owner.Remove(trigger))
        {
            throw new ArgumentException("Not a registered system event trigger.", nameof(handle));
        }
    }

    /// <inheritdoc/>
    public void FireSystemEvent(string eventType)
    {
        if (!_events.TryGetValue(eventType, out var systemEvent))
        {
            if (eventType == SystemEvents.Shutdown)
            {
                Crash();
            }

            return;
        }

        var fired = systemEvent.Fire();
        if (eventType == SystemEvents.Shutdown)
        {
            fired.AddBoth(_ =>
            {
                Crash();
                return null;
            });
        }
    }

    /// <summary>Fires an event and returns a Deferred for its end (used by tests of ordering).</summary>
    internal Deferred FireSystemEventAndWait(string eventType) =>
        _events.TryGetValue(eventType, out var systemEvent) ? systemEvent.Fire() : Deferred.Succeed<object?>(null);
}
