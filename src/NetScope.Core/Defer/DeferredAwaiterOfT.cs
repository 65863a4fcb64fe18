using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>Typed form of <see cref="DeferredAwaiter"/>, used by <c>await</c> on a <see cref="Deferred{T}"/>.</summary>
/// <typeparam name="T">The type the final result is cast to.</typeparam>
public readonly struct DeferredAwaiter<T> : ICriticalNotifyCompletion, IDeferredAwaiterSource
{
    private readonly DeferredAwaiter _inner;

    internal DeferredAwaiter(Deferred deferred)
    {
        _inner = new DeferredAwaiter(deferred);
    }

    Deferred IDeferredAwaiterSource.Awaited => Deferred;

    internal Deferred Deferred => _inner.Deferred;

    /// <inheritdoc cref="DeferredAwaiter.IsCompleted"/>
    public bool IsCompleted => _inner.IsCompleted;

    /// <inheritdoc/>
    public void OnCompleted(Action continuation) => _inner.OnCompleted(continuation);

    /// <inheritdoc/>
    public void UnsafeOnCompleted(Action continuation) => _inner.UnsafeOnCompleted(continuation);

    /// <summary>Returns the result as a <typeparamref name="T"/>, or throws the exception of a <see cref="Failure"/>.</summary>
    public T GetResult() => Deferred.CastResult<T>(_inner.GetResult());
}
