using BenchmarkDotNet.Configs;

namespace NetScope.Benchmarks.Defer;

/// <summary>The one job of the Deferred benchmarks that compare methods within a build.</summary>
internal sealed class StandardConfig : ManualConfig
{
    public StandardConfig()
    {
        AddJob(BenchmarkJobs.Base);
        this.WithRobustColumns();
    }
}
