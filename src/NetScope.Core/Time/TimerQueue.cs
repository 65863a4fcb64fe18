using NetScope.Core.Observation;

namespace NetScope.Core.Time;

/// <summary>
/// The pending <see cref="DelayedCall"/>s of one clock, in a binary heap ordered by due time
/// and then by scheduling order. Reactors and the test Clock share it. Not thread-safe: it
/// belongs to the thread that runs the clock.
/// </summary>
public sealed class TimerQueue
{
    private readonly Func<double> _now;
    private DelayedCall[] _heap = new DelayedCall[16];
    private int _count;
    private long _nextSequence;
    private bool _holdNewCalls;
    private List<DelayedCall>? _held;

    /// <summary>The <see cref="DelayedCall.HeapIndex"/> of a call held back until the running pass ends.</summary>
    private const int HeldIndex = -2;

    /// <summary>Creates a queue that reads the current time from <paramref name="now"/>.</summary>
    public TimerQueue(Func<double> now)
    {
        _now = now ?? throw new ArgumentNullException(nameof(now));
    }

    /// <summary>How many calls are pending.</summary>
    public int Count => _count + (_held?.Count ?? 0);

    /// <summary>When the earliest pending call is due, or <see langword="null"/> if none is.</summary>
    public double? NextDueTime => _count == 0 ? null : _heap[0].Time;

    internal double Now() => _now();

    /// <summary>Schedules <paramref name="callable"/> <paramref name="delaySeconds"/> from now.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative, infinite or not a number.</exception>
    public DelayedCall Schedule(double delaySeconds, Action callable)
    {
        ArgumentNullException.ThrowIfNull(callable);
        if (!double.IsFinite(delaySeconds) || delaySeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(delaySeconds), delaySeconds, "A delay must be a finite, non-negative number of seconds.");
        }

        var call = new DelayedCall(this, _now() + delaySeconds, _nextSequence++, callable)
        {
            // The code that scheduled the call owns what it does when it runs.
            Scope = ObservationScope.Current,
        };
        Add(call);
        return call;
    }

    /// <summary>The pending calls in the order they will run.</summary>
    public IReadOnlyList<DelayedCall> Snapshot()
    {
        var calls = new DelayedCall[Count];
        Array.Copy(_heap, calls, _count);
        _held?.CopyTo(calls, _count);
        Array.Sort(calls, static (a, b) => Compare(a, b));
        return calls;
    }

    /// <summary>
    /// Runs the calls due at <paramref name="now"/>, earliest first. A call scheduled by a
    /// running call runs in the same pass if it is due, unless <paramref name="onlyExisting"/>
    /// is set (a reactor sets it, as Twisted's does, so a call that reschedules itself with
    /// zero delay cannot starve I/O). Exceptions go to <paramref name="onError"/>; when it is
    /// <see langword="null"/> they propagate and the remaining calls stay queued. A pass started
    /// by a running call (re-entrantly) keeps holding what the outer pass holds.
    /// </summary>
    /// <returns>How many calls ran.</returns>
    public int RunDue(double now, bool onlyExisting = false, Action<DelayedCall, Exception>? onError = null)
    {
        var ran = 0;
        var outerHolds = _holdNewCalls;
        _holdNewCalls = outerHolds || onlyExisting;
        try
        {
            while (_count > 0 && _heap[0].Time <= now)
            {
                var next = _heap[0];
                RemoveAt(0);
                Invoke(next, onError);
                ran++;
            }
        }
        finally
        {
            // Held calls wait for the end of the outermost holding pass.
            _holdNewCalls = outerHolds;
            if (!outerHolds && _held is { Count: > 0 })
            {
                foreach (var call in _held)
                {
                    Insert(call);
                }

                _held.Clear();
            }
        }

        return ran;
    }

    internal void Remove(DelayedCall call)
    {
        if (call.HeapIndex >= 0)
        {
            RemoveAt(call.HeapIndex);
        }
        else if (call.HeapIndex == HeldIndex)
        {
            _held!.Remove(call);
            call.HeapIndex = -1;
        }
    }

    internal void Reschedule(DelayedCall call, double time)
    {
        Remove(call);
        call.Move(time, _nextSequence++);
        Add(call);
    }

    private void Add(DelayedCall call)
    {
        if (_holdNewCalls)
        {
            (_held ??= new List<DelayedCall>()).Add(call);
            call.HeapIndex = HeldIndex;
        }
        else
        {
            Insert(call);
        }
    }

    private static void Invoke(DelayedCall call, Action<DelayedCall, Exception>? onError)
    {
        call.MarkCalled();
        if (call.Scope is not null)
        {
            using (ObservationScope.Enter(call.Scope))
            {
                InvokeIn(call, onError);
            }

            return;
        }

        InvokeIn(call, onError);
    }

    private static void InvokeIn(DelayedCall call, Action<DelayedCall, Exception>? onError)
    {
        if (onError is null)
        {
            call.Callable();
            return;
        }

        try
        {
            call.Callable();
        }
        catch (Exception exception)
        {
            onError(call, exception);
        }
    }

    private static int Compare(DelayedCall a, DelayedCall b)
    {
        var byTime = a.Time.CompareTo(b.Time);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    }

    private void Insert(DelayedCall call)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _heap[_count] = call;
        call.HeapIndex = _count;
        _count++;
        SiftUp(call.HeapIndex);
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        removed.HeapIndex = -1;
        _count--;
        if (index == _count)
        {
            _heap[_count] = null!;
            return;
        }

        var last = _heap[_count];
        _heap[_count] = null!;
        _heap[index] = last;
        last.HeapIndex = index;
        if (index > 0 && Compare(last, _heap[(index - 1) / 2]) < 0)
        {
            SiftUp(index);
        }
        else
        {
            SiftDown(index);
        }
    }

    private void SiftUp(int index)
    {
        var item = _heap[index];
        while (index > 0)
        {
            var parentIndex = (index - 1) / 2;
            var parent = _heap[parentIndex];
            if (Compare(item, parent) >= 0)
            {
                break;
            }

            _heap[index] = parent;
            parent.HeapIndex = index;
            index = parentIndex;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (2 * index) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Compare(_heap[child + 1], _heap[child]) < 0)
            {
                child++;
            }

            if (Compare(_heap[child], item) >= 0)
            {
                break;
            }

            _heap[index] = _heap[child];
            _heap[index].HeapIndex = index;
            index = child;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }
}
