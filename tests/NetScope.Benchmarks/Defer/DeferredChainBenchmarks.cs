using BenchmarkDotNet.Attributes;
using NetScope.Core.Defer;
using NetScope.Testing;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// The Deferred hot paths with no observer attached: a chain fired after its callbacks were
/// added (the looped RunCallbacks path), links added to a fired Deferred (the one-link fast
/// path), and scheduling timed calls (which record the observation scope).
/// </summary>
[MemoryDiagnoser]
public class DeferredChainBenchmarks
{
    private static readonly Func<object?, object?> Increment = static value => (int)value! + 1;
    private readonly Clock _clock = new();

    /// <summary>Three callbacks added, then fired.</summary>
    [Benchmark(Baseline = true)]
    public object? ChainOfThreeFiredLater()
    {
        var deferred = new Deferred();
        deferred.AddCallback(Increment).AddCallback(Increment).AddCallback(Increment);
        deferred.Callback(0);
        return deferred.Result;
    }

    /// <summary>Fired first, then three callbacks run as they are added.</summary>
    [Benchmark]
    public object? ChainOfThreeAddedAfterFiring()
    {
        var deferred = new Deferred();
        deferred.Callback(0);
        deferred.AddCallback(Increment).AddCallback(Increment).AddCallback(Increment);
        return deferred.Result;
    }

    /// <summary>One timed call scheduled and cancelled.</summary>
    [Benchmark]
    public bool ScheduleAndCancel()
    {
        var call = _clock.CallLater(1, static () => { });
        call.Cancel();
        return call.Cancelled;
    }
}
