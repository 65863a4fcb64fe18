using BenchmarkDotNet.Attributes;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// 10,000 Deferreds, each waiting on the next (a callback returned it), resolved at once when the
/// innermost fires: the iterative chain runner at depth. <see cref="BuildChain"/> is the cost of
/// building the same chain without firing it, so the difference is the firing.
/// </summary>
[MemoryDiagnoser]
public class DeepChainBenchmarks
{
    private const int Depth = 10_000;

    /// <summary>Builds the waiting chain and leaves it unfired.</summary>
    [Benchmark(Baseline = true)]
    public Deferred BuildChain() => Build(out _);

    /// <summary>Builds the waiting chain and fires the innermost Deferred, resolving all of them.</summary>
    [Benchmark]
    public object? BuildAndFireChain()
    {
        var outermost = Build(out var innermost);
        innermost.Callback(1);
        return outermost.Result;
    }

    private static Deferred Build(out Deferred innermost)
    {
        innermost = new Deferred();
        var current = innermost;
        for (var i = 0; i < Depth; i++)
        {
            var inner = current;
            var outer = new Deferred();
            outer.AddCallback(_ => inner);
            outer.Callback(null);
            current = outer;
        }

        return current;
    }
}
