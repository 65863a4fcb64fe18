namespace NetScope.Core.Tests.Defer.Support;

/// <summary>
/// Tests that change process-wide state (<c>NetScopeLogging.Factory</c>, <c>Deferred.Debugging</c>,
/// <c>Deferred.SetObserver</c>) run in this collection: never in parallel with any other test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "Process-wide Deferred state";
}
