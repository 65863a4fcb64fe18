using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>
/// The shared state of one call of an <c>async Deferred</c> method: the Deferred handed to the
/// caller, the one to fire at the end, and the Deferred the method is suspended on, so that
/// cancelling the caller's Deferred cancels what the method waits for (as Twisted's
/// <c>inlineCallbacks</c> does).
/// </summary>
internal sealed class AsyncMethodState
{
    private Deferred _target;

    public AsyncMethodState(Func<Action<Deferred>, Deferred> create)
    {
        Result = create(Cancel);
        _target = Result;
    }

    /// <summary>The Deferred returned to the caller.</summary>
    public Deferred Result { get; }

    /// <summary>The Deferred the method is awaiting right now, if any.</summary>
    public Deferred? WaitingOn { get; set; }

    /// <summary>The boxed state machine's MoveNext, created at the first real suspension.</summary>
    public Action? MoveNext { get; set; }

    public void SetResult(object? result)
    {
        // After a cancellation that could not reach a Deferred, the caller already has its
        // CancelledException; whatever the method produces later has nowhere to go.
        if (!_target.Called)
        {
            _target.Callback(result);
        }
    }

    public void SetException(Exception exception)
    {
        if (!_target.Called)
        {
            _target.Errback(exception);
        }
    }

    private void Cancel(Deferred result)
    {
        var awaited = WaitingOn;
        if (awaited is null)
        {
            return;
        }

        // Keep the caller's Deferred waiting for the method's own outcome, then cancel what it awaits:
        // the method sees the CancelledException and may handle it.
        _target = result.FireWaitingOnReplacement();
        awaited.Cancel();
    }

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine, bool unsafeContinuation)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        MoveNext ??= StateMachineBox<TStateMachine>.Create(ref stateMachine, this);
        WaitingOn = awaiter is IDeferredAwaiterSource source ? source.Awaited : null;

        if (unsafeContinuation && awaiter is ICriticalNotifyCompletion critical)
        {
            critical.UnsafeOnCompleted(MoveNext);
        }
        else
        {
            awaiter.OnCompleted(MoveNext);
        }
    }

    private sealed class StateMachineBox<TStateMachine>
        where TStateMachine : IAsyncStateMachine
    {
        private TStateMachine _stateMachine = default!;
        private AsyncMethodState _owner = null!;

        public static Action Create(ref TStateMachine stateMachine, AsyncMethodState owner)
        {
            var box = new StateMachineBox<TStateMachine> { _owner = owner };
            box._stateMachine = stateMachine;
            return box.Run;
        }

        private void Run()
        {
            _owner.WaitingOn = null;
            _stateMachine.MoveNext();
        }
    }
}
