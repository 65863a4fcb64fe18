using BenchmarkDotNet.Running;

namespace NetScope.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line (see docs/performance.md).</summary>
public static class Program
{
    /// <summary>
    /// Entry point: `dotnet run -c Release --project tests/NetScope.Benchmarks -- --filter '*'`, or
    /// `-- http-server PORT fixed|root DIR` to run an HTTP listener for system benchmarks.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args is ["http-server", .. var rest])
        {
            Http.HttpServerHost.Run(rest);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
