namespace NetScope.Core.Defer;

/// <summary>An awaiter that waits on a <see cref="Deferred"/>, so an <c>async Deferred</c> method knows what to cancel.</summary>
internal interface IDeferredAwaiterSource
{
    /// <summary>The Deferred being awaited.</summary>
    Deferred Awaited { get; }
}
