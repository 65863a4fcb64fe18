using System.Diagnostics.CodeAnalysis;

namespace NetScope.Sessions.Events;

/// <summary>
/// One consumer's view of a workspace's event stream: a bounded queue that the reactor thread
/// fills and any one other thread reads. A slow consumer never slows the reactor: counter events
/// (<see cref="BytesTransferred"/>, <see cref="TranscriptAppended"/>) are merged into the unread
/// one for the same key, and other events that do not fit are dropped, counted, and announced by
/// an <see cref="EventsDropped"/> at the point of the stream where they were lost.
/// </summary>
/// <remarks>
/// Reading is thread-safe; the queue holds at most <see cref="Capacity"/> events plus one
/// merged counter event per key that arrived while it was full. Dispose to stop receiving.
/// </remarks>
public sealed class EventSubscription : IDisposable
{
    private readonly object _gate = new();
    private readonly WorkspaceEvent?[] _ring;
    private readonly Dictionary<(Type, long, long), long> _queuedCounters = new();
    private readonly Dictionary<(Type, long, long), WorkspaceEvent> _overflow = new();
    private readonly Action<EventSubscription> _unsubscribe;
    private long _head;
    private long _tail;
    private long _pendingDropped;
    private long _firstDroppedSequence;
    private double _firstDroppedTime;
    private long _dropped;
    private bool _completed;
    private TaskCompletionSource? _waiter;

    internal EventSubscription(int capacity, Action<EventSubscription> unsubscribe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _ring = new WorkspaceEvent?[capacity];
        _unsubscribe = unsubscribe;
    }

    /// <summary>The most events queued at once.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Events queued and not read yet.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return (int)(_tail - _head);
            }
        }
    }

    /// <summary>Events lost because this consumer fell behind, over its life.</summary>
    public long DroppedCount
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>
    /// <see langword="true"/> once the workspace has been disposed (or this subscription was) and
    /// everything queued has been read: no event will come any more.
    /// </summary>
    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _completed && _head == _tail && _overflow.Count == 0 && _pendingDropped == 0;
            }
        }
    }

    /// <summary>Takes the oldest queued event, if any.</summary>
    public bool TryRead([NotNullWhen(true)] out WorkspaceEvent? next)
    {
        lock (_gate)
        {
            if (_head == _tail)
            {
                next = null;
                return false;
            }

            next = Dequeue();
            Refill();
            return true;
        }
    }

    /// <summary>Moves up to <paramref name="max"/> queued events, oldest first, into <paramref name="into"/>; returns how many.</summary>
    public int ReadAll(ICollection<WorkspaceEvent> into, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(into);
        var count = 0;
        lock (_gate)
        {
            while (count < max && _head != _tail)
            {
                into.Add(Dequeue());
                count++;
                Refill();
            }
        }

        return count;
    }

    /// <summary>Completes when an event is ready to read or the stream has ended (<see cref="IsCompleted"/>).</summary>
    public Task WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        Task task;
        lock (_gate)
        {
            if (_head != _tail || _completed)
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            task = _waiter.Task;
        }

        return cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task;
    }

    /// <summary>Stops receiving events; what is queued can still be read.</summary>
    public void Dispose()
    {
        _unsubscribe(this);
        Complete();
    }

    /// <summary>Queues <paramref name="next"/> (reactor thread): merged, queued, or dropped and counted.</summary>
    internal void Offer(WorkspaceEvent next)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (next is ICoalescingEvent counter)
            {
                OfferCounter(counter.CoalescingKey, next);
            }
            else if (_tail - _head < _ring.Length)
            {
                Enqueue(next);
            }
            else
            {
                if (_pendingDropped == 0)
                {
                    _firstDroppedSequence = next.Sequence;
                    _firstDroppedTime = next.Time;
                }

                _pendingDropped++;
                _dropped++;
            }

            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>No more events will be offered (the workspace is gone).</summary>
    internal void Complete()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _completed = true;
            wake = _waiter;
            _waiter = null;
        }

        wake?.TrySetResult();
    }

    private void OfferCounter((Type, long, long) key, WorkspaceEvent next)
    {
        if (_queuedCounters.TryGetValue(key, out var position) && position >= _head)
        {
            var slot = (int)(position % _ring.Length);
            _ring[slot] = ((ICoalescingEvent)_ring[slot]!).Merge(next);
        }
        else if (_overflow.TryGetValue(key, out var waiting))
        {
            _overflow[key] = ((ICoalescingEvent)waiting).Merge(next);
        }
        else if (_tail - _head < _ring.Length)
        {
            _queuedCounters[key] = _tail;
            Enqueue(next);
        }
        else
        {
            _overflow[key] = next;
        }
    }

    private void Enqueue(WorkspaceEvent next)
    {
        _ring[(int)(_tail % _ring.Length)] = next;
        _tail++;
    }

    private WorkspaceEvent Dequeue()
    {
        var slot = (int)(_head % _ring.Length);
        var next = _ring[slot]!;
        _ring[slot] = null;
        if (next is ICoalescingEvent counter && _queuedCounters.TryGetValue(counter.CoalescingKey, out var position) && position == _head)
        {
            _queuedCounters.Remove(counter.CoalescingKey);
        }

        _head++;
        return next;
    }

    /// <summary>Room was made: first mark where events were lost, then queue the counters that waited.</summary>
    private void Refill()
    {
        if (_pendingDropped > 0 && _tail - _head < _ring.Length)
        {
            Enqueue(new EventsDropped(_pendingDropped) { Time = _firstDroppedTime, Sequence = _firstDroppedSequence });
            _pendingDropped = 0;
        }

        while (_overflow.Count > 0 && _tail - _head < _ring.Length)
        {
            var (key, waiting) = _overflow.First();
            _overflow.Remove(key);
            _queuedCounters[key] = _tail;
            Enqueue(waiting);
        }
    }
}
