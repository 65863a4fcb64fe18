namespace NetScope.Core.Defer;

/// <content>Support for <c>await</c>.</content>
public partial class Deferred
{
    /// <summary>
    /// Awaits the chain's result in an <c>async</c> method. The result is taken out of the
    /// chain (which continues with <see langword="null"/>); a <see cref="Failure"/> is thrown as
    /// its exception. The method resumes synchronously on the thread that fires the Deferred.
    /// </summary>
    public DeferredAwaiter GetAwaiter() => new(this);

    /// <summary>True when a link added now would run at once and be the last to run.</summary>
    internal bool CanTakeResultNow => _called && _paused == 0 && !_runningCallbacks && _head == _tail && _result is not Deferred;

    /// <summary>
    /// Takes the result the way an awaiting link would (the chain continues with
    /// <see langword="null"/>), counted as a link for observers.
    /// </summary>
    internal object? TakeResultForAwait()
    {
        if (CurrentObserver is not null)
        {
            object? taken = null;
            AddBoth(result =>
            {
                taken = result;
                return null;
            });
            return taken;
        }

        var value = _result;
        _linksAdded++;
        _result = null;
        _unhandled?.Clear(this);
        return value;
    }
}
