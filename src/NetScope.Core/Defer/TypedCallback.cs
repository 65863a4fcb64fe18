namespace NetScope.Core.Defer;

/// <summary>
/// Adapts a typed callback to the chain's untyped one. It replaces the closure a lambda would
/// need (same two allocations: this object and the delegate to <see cref="Invoke"/>) and keeps
/// the user's delegate where observers can find it.
/// </summary>
internal sealed class TypedCallback<T> : IWrappedCallable
{
    private readonly Func<T, object?> _callback;

    public TypedCallback(Func<T, object?> callback)
    {
        _callback = callback;
    }

    public Delegate Wrapped => _callback;

    public object? Invoke(object? result) => _callback(Deferred.CastResult<T>(result));
}
