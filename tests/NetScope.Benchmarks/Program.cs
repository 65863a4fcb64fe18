using BenchmarkDotNet.Running;

namespace NetScope.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (see docs/performance.md).</summary>
public static class Program
{
    /// <summary>Entry point: `dotnet run -c Release --project tests/NetScope.Benchmarks -- --filter '*'`.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
