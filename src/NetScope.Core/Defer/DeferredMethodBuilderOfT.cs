using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>
/// Lets a method be declared <c>async Deferred&lt;T&gt;</c> (the equivalent of Twisted's
/// <c>inlineCallbacks</c>): the caller gets a Deferred that fires with the method's return
/// value. See <see cref="DeferredMethodBuilder"/>. Used by the compiler; not called directly.
/// </summary>
/// <typeparam name="T">The method's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct DeferredMethodBuilder<T>
{
    private AsyncMethodState? _state;

    /// <summary>Creates a builder.</summary>
    public static DeferredMethodBuilder<T> Create() => default;

    /// <summary>The Deferred handed to the caller.</summary>
    public Deferred<T> Task => (Deferred<T>)State.Result;

    private AsyncMethodState State => _state ??= new AsyncMethodState(static canceller => new Deferred<T>(canceller));

    /// <summary>Runs the method body up to its first suspension.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        AsyncTaskMethodBuilder.Create().Start(ref stateMachine);
    }

    /// <summary>Not used: the state machine is boxed by this builder itself.</summary>
    public void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }

    /// <summary>Fires the caller's Deferred with <paramref name="result"/>.</summary>
    public void SetResult(T result) => State.SetResult(result);

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
