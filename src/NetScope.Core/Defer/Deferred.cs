using System.Globalization;
using System.Runtime.CompilerServices;
using NetScope.Core.Observation;

namespace NetScope.Core.Defer;

/// <summary>
/// A result that is not there yet: Twisted's <c>Deferred</c>, with Twisted's semantics.
/// </summary>
/// <remarks>
/// <para>
/// A Deferred holds a chain of callback/errback pairs. When it is fired with
/// <see cref="Callback"/> or <see cref="Errback(Failure)"/>, the result flows down the chain:
/// each callback's return value becomes the next link's input; a callback that throws (or
/// returns a <see cref="Failure"/>) switches to the errback path; an errback that returns a
/// value switches back. Links added after firing run at once.
/// </para>
/// <para>
/// A callback that returns another Deferred pauses this chain until that one fires, then
/// continues with its result. Long chains of such Deferreds run iteratively, never
/// recursively, so their depth is bounded only by memory.
/// </para>
/// <para>
/// A Deferred is not thread-safe: it belongs to the thread that runs it (the reactor thread).
/// Use the reactor's <c>CallFromThread</c> to fire one from elsewhere.
/// </para>
/// </remarks>
[AsyncMethodBuilder(typeof(DeferredMethodBuilder))]
public partial class Deferred
{
    private static long _nextId;

    /// <summary>The current result; meaningful only once <see cref="_called"/> (null is a legitimate value).</summary>
    private object? _result;
    private CallbackEntry[]? _entries;
    private int _head;
    private int _tail;
    private int _linksAdded;
    private int _paused;
    private bool _called;
    private bool _runningCallbacks;
    private bool _suppressAlreadyCalled;
    private readonly Action<Deferred>? _canceller;
    private Deferred? _chainedTo;
    private DeferredDebugInfo? _debugInfo;
    private UnhandledFailureTracker? _unhandled;
    private object? _scope;
    private long _id;

    /// <summary>Creates a Deferred without a canceller.</summary>
    public Deferred()
        : this(null)
    {
    }

    /// <summary>
    /// Creates a Deferred. <paramref name="canceller"/>, if given, is called by
    /// <see cref="Cancel"/> to stop the pending operation; if it does not fire the Deferred,
    /// <see cref="Cancel"/> fails it with <see cref="CancelledException"/>.
    /// </summary>
    public Deferred(Action<Deferred>? canceller)
    {
        _canceller = canceller;
        if (_hooksActive)
        {
            InitializeHooks();
        }
    }

    /// <summary>A process-unique number for this Deferred (assigned on first use when no observer is attached).</summary>
    public long Id
    {
        get
        {
            if (_id == 0)
            {
                Interlocked.CompareExchange(ref _id, Interlocked.Increment(ref _nextId), 0);
            }

            return _id;
        }
    }

    /// <summary>An optional human label ("connect 127.0.0.1:7", "TLS handshake") shown in chain views.</summary>
    public string? Label { get; set; }

    /// <summary><see langword="true"/> once <see cref="Callback"/> or <see cref="Errback(Failure)"/> has been called.</summary>
    public bool Called => _called;

    /// <summary>How many unmatched <see cref="Pause"/> calls (including waits on other Deferreds) are in effect.</summary>
    public int PauseCount => _paused;

    /// <summary><see langword="true"/> when the Deferred has a result at this moment (it may be a <see cref="Failure"/>, or a Deferred it waits on).</summary>
    public bool HasResult => _called;

    /// <summary>
    /// The current result: a value, a <see cref="Failure"/>, or the Deferred this one waits on.
    /// Meant for inspection and tests; code should use callbacks.
    /// </summary>
    /// <exception cref="InvalidOperationException">The Deferred has no result yet.</exception>
    public object? Result => HasResult ? _result : throw new InvalidOperationException("The Deferred has no result yet.");

    /// <summary>The Deferred this one is waiting on (a callback returned it), if any.</summary>
    public Deferred? WaitingOn => _chainedTo;

    /// <summary>How many links are waiting to run.</summary>
    public int PendingLinkCount => _tail - _head;

    /// <summary>How many links have been added over the Deferred's life.</summary>
    public int LinkCount => _linksAdded;

    /// <summary>
    /// The <see cref="ObservationScope"/> owner current when the Deferred was created, recorded
    /// only while an observer is attached. While an observer is attached the Deferred's callbacks
    /// run with this owner current, so what they create is attributed to the same owner.
    /// </summary>
    public object? Scope => _scope;

    /// <summary>Where the Deferred was created, when debugging was on at that moment.</summary>
    public string? CreationSite => _debugInfo?.Creator;

    /// <summary>Where the Deferred was first fired, when debugging was on at that moment.</summary>
    public string? InvocationSite => _debugInfo?.Invoker;

    /// <summary>Sets <see cref="Label"/> and returns this Deferred, for fluent construction.</summary>
    public Deferred WithLabel(string label)
    {
        Label = label;
        return this;
    }

    /// <summary>
    /// Adds a callback and an errback as one link. <see langword="null"/> for either passes
    /// results on that path through unchanged. If the Deferred has fired, the link runs now.
    /// </summary>
    /// <returns>This Deferred, so calls can be chained.</returns>
    public Deferred AddCallbacks(Func<object?, object?>? callback, Func<Failure, object?>? errback)
    {
        if (_called && _paused == 0 && !_runningCallbacks && _head == _tail && CurrentObserver is null)
        {
            // Fired, idle and nothing queued: the new link is the only one to run, and runs now.
            RunSingleLinkNow(callback, errback);
        }
        else
        {
            AddLink(callback, errback);
        }

        return this;
    }

    private void AddLink(Func<object?, object?>? callback, Func<Failure, object?>? errback)
    {
        Append(new CallbackEntry(callback, errback));
        var observer = CurrentObserver;
        if (observer is not null)
        {
            NotifyLinkAdded(observer, callback, errback);
        }

        if (_called)
        {
            RunCallbacks();
        }
    }

    /// <summary>Adds a callback for the success path (failures pass by it).</summary>
    public Deferred AddCallback(Func<object?, object?> callback) => AddCallbacks(callback, null);

    /// <summary>Adds an errback for the failure path (values pass by it).</summary>
    public Deferred AddErrback(Func<Failure, object?> errback) => AddCallbacks(null, errback);

    /// <summary>Adds one function for both paths: it receives a value or a <see cref="Failure"/>.</summary>
    public Deferred AddBoth(Func<object?, object?> callback) => AddCallbacks(callback, callback);

    /// <summary>
    /// Adds a callback that expects the current result to be a <typeparamref name="T"/>
    /// (a <see langword="null"/> result becomes <c>default</c>).
    /// </summary>
    public Deferred AddCallback<T>(Func<T, object?> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return AddCallbacks(new TypedCallback<T>(callback).Invoke, null);
    }

    /// <summary>
    /// Makes <paramref name="other"/> fire with whatever this Deferred's chain produces at this
    /// point; afterwards this chain continues with <see langword="null"/>. Unlike returning a
    /// Deferred from a callback, this recurses, so do not build very deep chains with it.
    /// </summary>
    /// <returns>This Deferred.</returns>
    public Deferred ChainDeferred(Deferred other)
    {
        ArgumentNullException.ThrowIfNull(other);
        other._chainedTo = this;
        var observer = CurrentObserver;
        if (observer is null)
        {
            return AddCallbacks(other.CallbackAndContinue, other.ErrbackAndContinue);
        }

        // Observed: report the link, then that other waits on this one, before the link can run.
        Func<object?, object?> callback = other.CallbackAndContinue;
        Func<Failure, object?> errback = other.ErrbackAndContinue;
        Append(new CallbackEntry(callback, errback));
        NotifyLinkAdded(observer, callback, errback);
        other.NotifyChained(observer, this);
        if (_called)
        {
            RunCallbacks();
        }

        return this;
    }

    /// <summary>The callback <see cref="ChainDeferred"/> adds to the Deferred this one waits on.</summary>
    private object? CallbackAndContinue(object? result)
    {
        Callback(result);
        return null;
    }

    /// <summary>The errback <see cref="ChainDeferred"/> adds to the Deferred this one waits on.</summary>
    private object? ErrbackAndContinue(Failure failure)
    {
        Errback(failure);
        return null;
    }

    /// <summary>
    /// Fires the Deferred with <paramref name="result"/> (a <see cref="Failure"/> starts on the
    /// errback path).
    /// </summary>
    /// <exception cref="AlreadyCalledException">The Deferred has already been fired.</exception>
    /// <exception cref="ArgumentException"><paramref name="result"/> is a Deferred: return it from a callback instead.</exception>
    public void Callback(object? result)
    {
        if (result is Deferred)
        {
            throw new ArgumentException("A Deferred cannot be fired with another Deferred; return it from a callback to chain it.", nameof(result));
        }

        StartRunCallbacks(result);
    }

    /// <summary>Fires the Deferred on the errback path with <paramref name="failure"/>.</summary>
    /// <exception cref="AlreadyCalledException">The Deferred has already been fired.</exception>
    public void Errback(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        StartRunCallbacks(failure);
    }

    /// <summary>Fires the Deferred on the errback path with a <see cref="Failure"/> wrapping <paramref name="exception"/>.</summary>
    /// <exception cref="AlreadyCalledException">The Deferred has already been fired.</exception>
    public void Errback(Exception exception) => Errback(new Failure(exception));

    /// <summary>Stops the chain from running until a matching <see cref="Unpause"/>.</summary>
    public void Pause()
    {
        _paused++;
        var observer = CurrentObserver;
        if (observer is not null)
        {
            NotifyPause(observer);
        }
    }

    /// <summary>Undoes one <see cref="Pause"/>; when none is left, runs whatever is pending.</summary>
    /// <exception cref="InvalidOperationException">
    /// The Deferred is not paused. (Twisted would count down to -1 and never run the chain again;
    /// see docs/deferred.md.)
    /// </exception>
    public void Unpause()
    {
        if (_paused == 0)
        {
            throw new InvalidOperationException("Unpause without a matching Pause: the Deferred is not paused.");
        }

        _paused--;
        var observer = CurrentObserver;
        if (observer is not null)
        {
            NotifyPause(observer);
        }

        if (_paused != 0)
        {
            return;
        }

        if (_called)
        {
            RunCallbacks();
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var name = GetType().Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick > 0)
        {
            name = name[..tick];
        }

        var label = Label is null ? string.Empty : $" '{Label}'";
        string state;
        if (_chainedTo is not null)
        {
            state = string.Create(CultureInfo.InvariantCulture, $" waiting on Deferred #{_chainedTo.Id}");
        }
        else if (!HasResult)
        {
            state = string.Empty;
        }
        else
        {
            state = $" current result: {DescribeValue(_result)}";
        }

        return string.Create(CultureInfo.InvariantCulture, $"<{name} #{Id}{label}{state}>");
    }

    /// <summary>A one-line description of a chain value, for views and messages.</summary>
    public static string DescribeValue(object? value) => value switch
    {
        null => "null",
        string s => s.Length > 60 ? $"\"{s[..57]}...\"" : $"\"{s}\"",
        Failure f => f.ToString(),
        Deferred d => string.Create(CultureInfo.InvariantCulture, $"Deferred #{d.Id}"),
        _ => value.ToString() ?? value.GetType().Name,
    };

    internal static T CastResult<T>(object? result)
    {
        if (result is T typed)
        {
            return typed;
        }

        if (result is null)
        {
            return default!;
        }

        throw new InvalidCastException($"The Deferred's result is a {result.GetType().Name}, not a {typeof(T).Name}.");
    }

    private void StartRunCallbacks(object? result)
    {
        if (_called)
        {
            if (_suppressAlreadyCalled)
            {
                _suppressAlreadyCalled = false;
                return;
            }

            throw new AlreadyCalledException(_debugging && _debugInfo is not null
                ? "Deferred was already called.\n" + _debugInfo.DescribeSites()
                : "Deferred was already called.");
        }

        _called = true;
        _result = result;
        if (_hooksActive)
        {
            OnFiredHooks(result);
        }

        if (_head == _tail && _paused == 0)
        {
            // Nothing queued: all RunCallbacks would do is forget the chaining and settle.
            _chainedTo = null;
            SettleAfterRun();
            return;
        }

        RunCallbacks();
    }

    /// <summary>
    /// Fires this Deferred so that it waits on a new, unfired Deferred and returns that one:
    /// used by cancellers that must let an operation finish before the chain continues
    /// (Twisted's <c>inlineCallbacks</c> and <c>fromFuture</c> cancellers). The links already
    /// added run only once the replacement fires, with its result.
    /// </summary>
    /// <param name="canceller">The replacement's canceller, so a second <see cref="Cancel"/> reaches it.</param>
    internal Deferred FireWaitingOnReplacement(Action<Deferred>? canceller = null)
    {
        var replacement = new Deferred(canceller);
        if (_debugging)
        {
            _debugInfo ??= new DeferredDebugInfo();
            _debugInfo.Invoker = DeferredDebugInfo.CaptureStack();
        }

        _called = true;
        _result = replacement;
        var observer = CurrentObserver;
        if (observer is not null)
        {
            NotifyFired(observer, replacement);
        }

        // Exactly what a callback returning an unfired Deferred does: pause and wait on it.
        AdoptDeferredResult(this);
        return replacement;
    }

    private void Append(in CallbackEntry entry)
    {
        var entries = _entries;
        if (entries is null)
        {
            entries = _entries = new CallbackEntry[4];
        }
        else if (_tail == entries.Length)
        {
            if (_head > 0)
            {
                // Reuse the consumed front of the array before growing it.
                Array.Copy(entries, _head, entries, 0, _tail - _head);
                Array.Clear(entries, _tail - _head, _head);
                _tail -= _head;
                _head = 0;
            }

            if (_tail == entries.Length)
            {
                Array.Resize(ref _entries, entries.Length * 2);
                entries = _entries;
            }
        }

        entries![_tail++] = entry;
        _linksAdded++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CallbackEntry PopEntry()
    {
        var entries = _entries!;
        var entry = entries[_head];
        entries[_head] = default;
        _head++;
        if (_head == _tail)
        {
            _head = _tail = 0;
        }

        return entry;
    }
}
