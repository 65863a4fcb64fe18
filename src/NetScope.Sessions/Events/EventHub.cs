namespace NetScope.Sessions.Events;

/// <summary>
/// Fans a workspace's events out to its subscriptions. Publishing happens on the reactor thread;
/// subscribing and unsubscribing from any thread (the list is replaced, never locked while publishing).
/// </summary>
internal sealed class EventHub
{
    private readonly object _gate = new();
    private EventSubscription[] _subscriptions = [];
    private long _nextSequence;
    private bool _completed;

    /// <summary><see langword="true"/> when someone listens: callers skip building events otherwise.</summary>
    public bool Active => Volatile.Read(ref _subscriptions).Length != 0;

    /// <summary>Events published so far.</summary>
    public long Published => _nextSequence;

    public EventSubscription Subscribe(int capacity)
    {
        var subscription = new EventSubscription(capacity, Unsubscribe);
        lock (_gate)
        {
            if (_completed)
            {
                subscription.Complete();
                return subscription;
            }

            Volatile.Write(ref _subscriptions, [.. _subscriptions, subscription]);
        }

        return subscription;
    }

    public void Publish(WorkspaceEvent next)
    {
        var subscriptions = Volatile.Read(ref _subscriptions);
        next.Sequence = ++_nextSequence;
        foreach (var subscription in subscriptions)
        {
            subscription.Offer(next);
        }
    }

    /// <summary>Ends every subscription (the workspace is being disposed).</summary>
    public void Complete()
    {
        EventSubscription[] ending;
        lock (_gate)
        {
            _completed = true;
            ending = _subscriptions;
            Volatile.Write(ref _subscriptions, []);
        }

        foreach (var subscription in ending)
        {
            subscription.Complete();
        }
    }

    private void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            Volatile.Write(ref _subscriptions, _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray());
        }
    }
}
