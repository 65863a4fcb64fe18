using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// The job the Deferred benchmarks use. The VM has two cores and other work runs beside it, so
/// results are read as ratios measured in the same run, with the median and minimum shown next to
/// the mean because they suffer least from interference.
/// </summary>
internal static class BenchmarkJobs
{
    /// <summary>Shorter than BenchmarkDotNet's default, with enough iterations for stable ratios.</summary>
    public static Job Base { get; } = Job.Default.WithWarmupCount(5).WithIterationCount(20).WithLaunchCount(1);

    /// <summary>Adds the robust statistics columns to <paramref name="config"/>.</summary>
    public static ManualConfig WithRobustColumns(this ManualConfig config) =>
        config.AddColumn(StatisticColumn.Median, StatisticColumn.Min);
}
