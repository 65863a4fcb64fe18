using Microsoft.Extensions.Logging;
using NetScope.Core.Defer;

namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// The triggers of one system event and their firing (Twisted's <c>_ThreePhaseEvent</c>): the
/// before triggers run, then (once every Deferred they returned has fired) the during
/// triggers, then (likewise) the after triggers. Unlike Twisted, Deferreds returned by during
/// triggers are waited for too: the reactor's own shutdown step waits for connections to close.
/// </summary>
internal sealed class ThreePhaseEvent
{
    private readonly string _eventType;
    private readonly ILogger _logger;
    private readonly List<Trigger>[] _phases = [new(), new(), new()];

    public ThreePhaseEvent(string eventType, ILogger logger)
    {
        _eventType = eventType;
        _logger = logger;
    }

    /// <summary><see langword="true"/> while firing.</summary>
    public bool Firing { get; private set; }

    public Trigger Add(SystemEventPhase phase, Func<object?> callable)
    {
        var trigger = new Trigger(this, phase, callable);
        _phases[(int)phase].Add(trigger);
        return trigger;
    }

    public bool Remove(Trigger trigger) => _phases[(int)trigger.Phase].Remove(trigger);

    /// <summary>Fires the event; the returned Deferred fires when the after phase has run.</summary>
    public Deferred Fire()
    {
        Firing = true;
        var done = new Deferred();
        RunPhase(SystemEventPhase.Before, done);
        return done;
    }

    private void RunPhase(SystemEventPhase phase, Deferred done)
    {
        var waits = new List<Deferred>();
        var triggers = _phases[(int)phase];

        // Triggers added while this phase runs (to this phase) run too, as in Twisted.
        while (triggers.Count > 0)
        {
            var trigger = triggers[0];
            triggers.RemoveAt(0);
            try
            {
                if (trigger.Callable() is Deferred wait)
                {
                    waits.Add(wait);
                }
            }
            catch (Exception exception)
            {
                ReactorLog.TriggerFailed(_logger, exception, _eventType, phase.ToString());
            }
        }

        var next = phase + 1;
        void Continue()
        {
            if (next > SystemEventPhase.After)
            {
                Firing = false;
                done.Callback(null);
            }
            else
            {
                RunPhase(next, done);
            }
        }

        if (waits.Count == 0)
        {
            Continue();
            return;
        }

        new DeferredList(waits, consumeErrors: true).AddBoth(results =>
        {
            foreach (var item in (IReadOnlyList<DeferredListItem>)results!)
            {
                if (!item.Success && item.Result is Failure failure)
                {
                    ReactorLog.TriggerFailed(_logger, failure.Value, _eventType, phase.ToString());
                }
            }

            Continue();
            return null;
        });
    }

    /// <summary>A registered trigger; the handle returned to callers.</summary>
    internal sealed class Trigger
    {
        public Trigger(ThreePhaseEvent owner, SystemEventPhase phase, Func<object?> callable)
        {
            Owner = owner;
            Phase = phase;
            Callable = callable;
        }

        public ThreePhaseEvent Owner { get; }

        public SystemEventPhase Phase { get; }

        public Func<object?> Callable { get; }
    }
}
