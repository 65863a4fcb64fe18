namespace NetScope.Core.Defer;

/// <summary>One entry of a <see cref="DeferredList"/>'s result: whether that Deferred succeeded, and its result or <see cref="Failure"/>.</summary>
/// <param name="Success"><see langword="true"/> when the Deferred fired on the callback path.</param>
/// <param name="Result">The value, or the <see cref="Failure"/> when <paramref name="Success"/> is <see langword="false"/>.</param>
public readonly record struct DeferredListItem(bool Success, object? Result);
