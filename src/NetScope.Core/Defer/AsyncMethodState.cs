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
    private StateMachineBox? _box;

    public AsyncMethodState(Func<Action<Deferred>, Deferred> create)
    {
        Result = create(Cancel);
        _target = Result;
    }

    /// <summary>The Deferred returned to the caller.</summary>
    public Deferred Result { get; }

    /// <summary>The Deferred the method is awaiting right now, if any.</summary>
    public Deferred? WaitingOn { get; set; }

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

    public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine, bool unsafeContinuation)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine
    {
        var box = _box ??= new StateMachineBox<TStateMachine>(this, ref stateMachine);

        // Resume in the execution context of the suspension, as every .NET async method does
        // (and as inlineCallbacks keeps its contextvars): AsyncLocal values set by whoever fires
        // the awaited Deferred do not leak into the method, nor the method's into them.
        box.Context = ExecutionContext.Capture();
        var awaited = awaiter is IDeferredAwaiterSource source ? source.Awaited : null;
        WaitingOn = awaited;
        if (awaited is not null)
        {
            // Before the awaiter adds its link, so an observer knows which link resumes the method.
            Deferred.NotifyAwaiting(_target, awaited);
        }

        if (unsafeContinuation && awaiter is ICriticalNotifyCompletion critical)
        {
            critical.UnsafeOnCompleted(box.MoveNextAction);
        }
        else
        {
            awaiter.OnCompleted(box.MoveNextAction);
        }
    }

    private void Cancel(Deferred cancelled)
    {
        var awaited = WaitingOn;
        if (awaited is null)
        {
            return;
        }

        // Keep the caller's Deferred waiting for the method's own outcome, then cancel what it
        // awaits: the method sees the CancelledException and may handle it. The replacement is
        // cancellable the same way, so cancelling again reaches whatever the method awaits next.
        _target = cancelled.FireWaitingOnReplacement(Cancel);
        awaited.Cancel();
    }

    /// <summary>The boxed state machine, created at the method's first real suspension.</summary>
    private abstract class StateMachineBox
    {
        private readonly AsyncMethodState _owner;

        protected StateMachineBox(AsyncMethodState owner)
        {
            _owner = owner;
            MoveNextAction = Run;
        }

        public Action MoveNextAction { get; }

        public ExecutionContext? Context { get; set; }

        protected abstract void MoveNext();

        private void Run()
        {
            _owner.WaitingOn = null;
            var context = Context;
            if (context is null)
            {
                MoveNext();
            }
            else
            {
                ExecutionContext.Run(context, static box => ((StateMachineBox)box!).MoveNext(), this);
            }
        }
    }

    private sealed class StateMachineBox<TStateMachine> : StateMachineBox
        where TStateMachine : IAsyncStateMachine
    {
        // Not readonly: MoveNext mutates the (struct) state machine in place; a readonly field
        // would make every call run on a defensive copy and lose the method's progress.
#pragma warning disable IDE0044
        private TStateMachine _stateMachine;
#pragma warning restore IDE0044

        public StateMachineBox(AsyncMethodState owner, ref TStateMachine stateMachine)
            : base(owner)
        {
            _stateMachine = stateMachine;
        }

        protected override void MoveNext() => _stateMachine.MoveNext();
    }
}
