using NetScope.Core.Logging;

namespace NetScope.Core.Defer;

/// <summary>
/// A Deferred that waits for a list of Deferreds (Twisted's <c>DeferredList</c>). By default
/// it fires once all have fired, with an <see cref="IReadOnlyList{T}"/> of
/// <see cref="DeferredListItem"/> in the original order.
/// </summary>
public class DeferredList : Deferred
{
    private readonly Deferred[] _deferreds;
    private readonly DeferredListItem[] _results;
    private readonly bool _fireOnOneCallback;
    private readonly bool _fireOnOneErrback;
    private readonly bool _consumeErrors;
    private int _finishedCount;

    /// <summary>Watches <paramref name="deferreds"/>.</summary>
    /// <param name="deferreds">The Deferreds to wait for.</param>
    /// <param name="fireOnOneCallback">Fire with a <see cref="DeferredListFirstResult"/> as soon as one succeeds.</param>
    /// <param name="fireOnOneErrback">Fail with a <see cref="FirstErrorException"/> as soon as one fails.</param>
    /// <param name="consumeErrors">
    /// Replace each failure with <see langword="null"/> in its own Deferred's chain once recorded
    /// here, so it is not reported as unhandled there.
    /// </param>
    public DeferredList(IEnumerable<Deferred> deferreds, bool fireOnOneCallback = false, bool fireOnOneErrback = false, bool consumeErrors = false)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        _deferreds = deferreds.ToArray();
        _results = new DeferredListItem[_deferreds.Length];
        if (_deferreds.Length == 0 && !fireOnOneCallback)
        {
            Callback(Array.Empty<DeferredListItem>());
        }

        _fireOnOneCallback = fireOnOneCallback;
        _fireOnOneErrback = fireOnOneErrback;
        _consumeErrors = consumeErrors;
        for (var i = 0; i < _deferreds.Length; i++)
        {
            var index = i;
            _deferreds[i].AddCallbacks(
                result => OnDeferredFired(result, index, succeeded: true),
                failure => OnDeferredFired(failure, index, succeeded: false));
        }
    }

    /// <summary>The results collected so far (entries of unfinished Deferreds are <c>default</c>).</summary>
    public IReadOnlyList<DeferredListItem> ResultList => _results;

    /// <summary>How many of the Deferreds have fired.</summary>
    public int FinishedCount => _finishedCount;

    /// <summary>If the list has not fired yet, cancels every Deferred in it; otherwise does nothing.</summary>
    public override void Cancel()
    {
        if (Called)
        {
            return;
        }

        foreach (var deferred in _deferreds)
        {
            try
            {
                deferred.Cancel();
            }
            catch (Exception exception)
            {
                DeferLog.CancellerFailed(NetScopeLogging.CreateLogger(DeferLog.Category), exception, deferred.ToString());
            }
        }
    }

    private object? OnDeferredFired(object? result, int index, bool succeeded)
    {
        _results[index] = new DeferredListItem(succeeded, result);
        _finishedCount++;
        if (!Called)
        {
            if (succeeded && _fireOnOneCallback)
            {
                Callback(new DeferredListFirstResult(result, index));
            }
            else if (!succeeded && _fireOnOneErrback)
            {
                Errback(new FirstErrorException((Failure)result!, index));
            }
            else if (_finishedCount == _results.Length)
            {
                Callback(_results);
            }
        }

        return !succeeded && _consumeErrors ? null : result;
    }
}
