namespace NetScope.Core.Defer;

/// <summary>The result of a <see cref="DeferredList"/> created with <c>fireOnOneCallback</c>: the first value and its position.</summary>
/// <param name="Result">The first successful result.</param>
/// <param name="Index">The position, in the list, of the Deferred that produced it.</param>
public readonly record struct DeferredListFirstResult(object? Result, int Index);
