using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// 10,000 Deferreds, each waiting on the next (a callback returned it), resolved at once when the
/// innermost fires: the iterative chain runner at depth. Beside it, the .NET counterpart: 10,000
/// nested <c>async Task</c> methods, each awaiting the next, over one
/// <see cref="TaskCompletionSource{TResult}"/> completed at once. Each chain is built before each
/// measurement, which then times only the firing (until the outermost has its result); results
/// are per link of the chain.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class DeepChainBenchmarks
{
    private const int Depth = 10_000;

    private Deferred _outermost = null!;
    private Deferred _innermost = null!;
    private TaskCompletionSource<object?> _innermostSource = null!;
    private Task<object?> _outermostTask = null!;

    /// <summary>Builds a fresh waiting chain for the next measurement.</summary>
    [IterationSetup(Target = nameof(FireTenThousandChainedDeferreds))]
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

    /// <summary>Builds a fresh chain of 10,000 nested async methods over one TaskCompletionSource.</summary>
    [IterationSetup(Target = nameof(CompleteTenThousandNestedAsyncMethods))]
    public void BuildTaskChain()
    {
        _innermostSource = new TaskCompletionSource<object?>();
        var current = _innermostSource.Task;
        for (var i = 0; i < Depth; i++)
        {
            current = AwaitNext(current);
        }

        _outermostTask = current;
    }

    /// <summary>
    /// Completes the innermost source; each method resumes when the one it awaits returns. .NET
    /// runs those continuations inline until the stack runs low, then moves the rest to the thread
    /// pool (so this waits for the outermost), which is how it avoids overflowing.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Depth)]
    public object? CompleteTenThousandNestedAsyncMethods()
    {
        _innermostSource.SetResult(1);
        return _outermostTask.GetAwaiter().GetResult();
    }

    /// <summary>Fires the innermost Deferred; every Deferred of the chain receives the result.</summary>
    [Benchmark(OperationsPerInvoke = Depth)]
    public object? FireTenThousandChainedDeferreds()
    {
        _innermost.Callback(1);
        return _outermost.Result;
    }

    private static async Task<object?> AwaitNext(Task<object?> inner) => await inner.ConfigureAwait(false);

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
