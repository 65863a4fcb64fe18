using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace NetScope.Core.Defer;

/// <summary>
/// Lets an <c>async</c> method <c>await</c> a <see cref="Deferred"/>: the equivalent of
/// <c>yield d</c> in Twisted's <c>inlineCallbacks</c>. Awaiting adds one link that takes the
/// result (leaving <see langword="null"/> in the chain, so a failure counts as handled) and
/// resumes the method synchronously on the thread that fired the Deferred.
/// </summary>
public readonly struct DeferredAwaiter : ICriticalNotifyCompletion, IDeferredAwaiterSource
{
    private readonly Deferred _deferred;
    private readonly AwaitState? _state;

    internal DeferredAwaiter(Deferred deferred)
    {
        _deferred = deferred;
        _state = deferred.CanTakeResultNow ? null : new AwaitState();
    }

    Deferred IDeferredAwaiterSource.Awaited => Deferred;

    internal Deferred Deferred => _deferred;

    /// <summary><see langword="true"/> when the result is there to take now.</summary>
    public bool IsCompleted => _state is null || _state.Done;

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) => Subscribe(continuation, flowContext: true);

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) => Subscribe(continuation, flowContext: false);

    /// <summary>Returns the result, or throws the exception of a <see cref="Failure"/>.</summary>
    public object? GetResult()
    {
        var result = _state is null ? _deferred.TakeResultForAwait() : _state.Result;
        if (result is Failure failure)
        {
            ExceptionDispatchInfo.Capture(failure.Value).Throw();
        }

        return result;
    }

    private void Subscribe(Action continuation, bool flowContext)
    {
        var state = _state ?? throw new InvalidOperationException("The Deferred has already completed.");
        state.Continuation = continuation;
        state.Context = flowContext ? ExecutionContext.Capture() : null;
        _deferred.AddBoth(state.OnFired);
    }

    internal sealed class AwaitState : IWrappedCallable
    {
        public Action? Continuation { get; set; }

        public ExecutionContext? Context { get; set; }

        public object? Result { get; private set; }

        public bool Done { get; private set; }

        /// <summary>Observers see the continuation: it names the method that awaits.</summary>
        public Delegate Wrapped => Continuation!;

        public object? OnFired(object? result)
        {
            Result = result;
            Done = true;
            var continuation = Continuation!;
            if (Context is null)
            {
                continuation();
            }
            else
            {
                ExecutionContext.Run(Context, static c => ((Action)c!)(), continuation);
            }

            return null;
        }
    }
}
