using BenchmarkDotNet.Running;
using NetScope.Benchmarks.Defer;

namespace NetScope.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (see docs/performance.md).</summary>
public static class Program
{
    /// <summary>
    /// Entry point: `dotnet run -c Release --project tests/NetScope.Benchmarks -- --filter '*'`;
    /// `--probe` runs the interleaved Deferred cross-check instead of BenchmarkDotNet.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["--probe"])
        {
            DeferredProbe.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
