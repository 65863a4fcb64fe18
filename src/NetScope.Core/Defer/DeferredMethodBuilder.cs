using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>
/// Lets a method be declared <c>async Deferred</c>: its body may <c>await</c> Deferreds (and
/// other awaitables) and the caller gets a Deferred that fires when the body finishes, with
/// <see langword="null"/>, or fails with what it threw. Cancelling that Deferred cancels the
/// Deferred the body is awaiting. Used by the compiler; not called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct DeferredMethodBuilder
{
    private AsyncMethodState? _state;

    /// <summary>Creates a builder.</summary>
    public static DeferredMethodBuilder Create() => default;

    /// <summary>The Deferred handed to the caller.</summary>
    public Deferred Task => State.Result;

    private AsyncMethodState State => _state ??= new AsyncMethodState(static canceller => new Deferred(canceller));

    /// <summary>Runs the method body up to its first suspension.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        // The framework's Start restores the caller's execution and synchronization contexts afterwards.
        AsyncTaskMethodBuilder.Create().Start(ref stateMachine);
    }

    /// <summary>Not used: the state machine is boxed by this builder itself.</summary>
    public void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    /// <summary>Fires the caller's Deferred with <see langword="null"/>.</summary>
    public void SetResult() => State.SetResult(null);

    /// <summary>Fails the caller's Deferred with <paramref name="exception"/>.</summary>
    public void SetException(Exception exception) => State.SetException(exception);

    /// <summary>Suspends the body until <paramref name="awaiter"/> completes.</summary>
    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => State.AwaitOnCompleted(ref awaiter, ref stateMachine, unsafeContinuation: false);

    /// <summary>Suspends the body until <paramref name="awaiter"/> completes.</summary>
    public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => State.AwaitOnCompleted(ref awaiter, ref stateMachine, unsafeContinuation: true);
}
