using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// 10,000 Deferreds, each waiting on the next (a callback returned it), resolved at once when the
/// innermost fires: the iterative chain runner at depth. The chain is built before each
/// measurement, which then times only the firing; results are per Deferred of the chain.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class DeepChainBenchmarks
{
    private const int Depth = 10_000;

    private Deferred _outermost = null!;
    private Deferred _innermost = null!;

    /// <summary>Builds a fresh waiting chain for the next measurement.</summary>
    [IterationSetup]
    public void BuildChain()
    {
        _innermost = new Deferred();
        var current = _innermost;
        for (var i = 0; i < Depth; i++)
        {
            var inner = current;
            var outer = new Deferred();
            outer.AddCallback(_ => inner);
            outer.Callback(null);
            current = outer;
        }

        _outermost = current;
    }

    /// <summary>Fires the innermost Deferred; every Deferred of the chain receives the result.</summary>
    [Benchmark(OperationsPerInvoke = Depth)]
    public object? FireTenThousandChainedDeferreds()
    {
        _innermost.Callback(1);
        return _outermost.Result;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // One firing per iteration: the chain can only be fired once.
            AddJob(BenchmarkJobs.Base.WithInvocationCount(1).WithUnrollFactor(1).WithIterationCount(40));
            this.WithRobustColumns();
        }
    }
}
