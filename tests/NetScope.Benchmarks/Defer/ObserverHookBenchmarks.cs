using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// What the observer hooks cost when no observer is attached: the same Deferred workloads run in
/// two builds of NetScope.Core in one BenchmarkDotNet run, the default one (hooks compiled in, each
/// hot path reads the observer field) and one built with <c>/p:NoDeferredObserver=true</c> (the
/// reads compiled out). The ratio column compares each workload across the two builds.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ObserverHookBenchmarks
{
    private static readonly Func<object?, object?> AddOne = static value => (int)value! + 1;

    /// <summary>Shows, in the run's log, which build each job really loaded.</summary>
    [GlobalSetup]
    public void ReportBuild() =>
        Console.WriteLine($"// NetScope.Core observer hooks compiled in: {Deferred.HasObserverHooks}");

    /// <summary>Ten callbacks on a fired Deferred (the fast path of AddCallbacks).</summary>
    [Benchmark]
    public int FiredDeferredTenCallbacks()
    {
        var d = new Deferred();
        d.Callback(0);
        for (var i = 0; i < 10; i++)
        {
            d.AddCallback(AddOne);
        }

        return (int)d.Result!;
    }

    /// <summary>Ten callbacks stored on an unfired Deferred, then fired (the queued path).</summary>
    [Benchmark]
    public int UnfiredDeferredTenCallbacks()
    {
        var d = new Deferred();
        for (var i = 0; i < 10; i++)
        {
            d.AddCallback(AddOne);
        }

        d.Callback(0);
        return (int)d.Result!;
    }

    /// <summary>A callback returns an unfired Deferred; the outer one waits, then resumes.</summary>
    [Benchmark]
    public object? WaitOnInnerDeferred()
    {
        var inner = new Deferred();
        var outer = new Deferred();
        outer.AddCallback(_ => inner);
        outer.AddCallback(AddOne);
        outer.Callback(null);
        inner.Callback(1);
        return outer.Result;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(BenchmarkJobs.Base.WithId("Hooks, no observer").AsBaseline());
            AddJob(BenchmarkJobs.Base.WithArguments([new MsBuildArgument("/p:NoDeferredObserver=true")]).WithId("Hooks compiled out"));

            // Both jobs build NetScope.Core into the same obj folder with different constants: one at a time.
            WithOptions(ConfigOptions.DisableParallelBuild);
            this.WithRobustColumns();
        }
    }
}
