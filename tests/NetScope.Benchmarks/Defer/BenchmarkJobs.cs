using BenchmarkDotNet.Jobs;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// The job the Deferred benchmarks use when they need an explicit one. The VM has two cores and
/// other work runs beside it, so results are read as ratios measured in the same run.
/// </summary>
internal static class BenchmarkJobs
{
    /// <summary>A job shorter than BenchmarkDotNet's default, still with enough iterations for stable ratios.</summary>
    public static Job Base { get; } = Job.Default.WithWarmupCount(5).WithIterationCount(15).WithLaunchCount(1);
}
