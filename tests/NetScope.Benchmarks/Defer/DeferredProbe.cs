using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// A cross-check for noisy machines (<c>NetScope.Benchmarks --probe</c>): the Deferred workloads
/// run in many short interleaved batches and each reports its fastest batch, the measure least
/// disturbed by other work. Two builds (with and without <c>/p:NoDeferredObserver=true</c>) run
/// alternately compare the hooks' cost without the drift between BenchmarkDotNet's sequential
/// jobs (see docs/performance.md).
/// </summary>
internal static class DeferredProbe
{
    private const int Batch = 5000;
    private const int Rounds = 300;
    private const int ChainDepth = 10_000;

    private static readonly Func<object?, object?> AddOne = static value => (int)value! + 1;

    /// <summary>Runs the probe and prints one line of nanoseconds per operation.</summary>
    public static void Run()
    {
        var workloads = new (string Name, Func<int> Run, int Expected)[]
        {
            ("fired", FiredDeferred, 10),
            ("unfired", UnfiredDeferred, 10),
            ("waitOnInner", WaitOnInnerDeferred, 1),
            ("asyncAwait", AsyncAwaitChain, 10),
        };
        var best = new double[workloads.Length];
        Array.Fill(best, double.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            for (var w = 0; w < workloads.Length; w++)
            {
                var (_, run, expected) = workloads[w];
                var watch = Stopwatch.StartNew();
                var sum = 0;
                for (var i = 0; i < Batch; i++)
                {
                    sum += run();
                }

                watch.Stop();
                if (sum != Batch * expected)
                {
                    throw new InvalidOperationException("A workload computed the wrong result.");
                }

                best[w] = Math.Min(best[w], watch.Elapsed.TotalNanoseconds / Batch);
            }
        }

        var line = string.Join("  ", workloads.Select((w, i) => string.Create(CultureInfo.InvariantCulture, $"{w.Name}={best[i]:F1}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hooks={Deferred.HasObserverHooks}  {line}  chainPerDeferred={FireChainNanosecondsPerDeferred():F1}"));
    }

    private static int FiredDeferred()
    {
        var d = new Deferred();
        d.Callback(0);
        for (var i = 0; i < 10; i++)
        {
            d.AddCallback(AddOne);
        }

        return (int)d.Result!;
    }

    private static int UnfiredDeferred()
    {
        var d = new Deferred();
        for (var i = 0; i < 10; i++)
        {
            d.AddCallback(AddOne);
        }

        d.Callback(0);
        return (int)d.Result!;
    }

    private static int WaitOnInnerDeferred()
    {
        var inner = new Deferred();
        var outer = new Deferred();
        outer.AddCallback(_ => inner);
        outer.AddCallback(AddOne);
        outer.Callback(null);
        inner.Callback(0);
        return (int)outer.Result!;
    }

    private static int AsyncAwaitChain() => AwaitTenSteps().GetAwaiter().GetResult();

    private static async Task<int> AwaitTenSteps()
    {
        var value = 0;
        for (var i = 0; i < 10; i++)
        {
            value = await Step(value);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> Step(int value) => Task.FromResult(value + 1);

    private static double FireChainNanosecondsPerDeferred()
    {
        var best = double.MaxValue;
        for (var round = 0; round < 40; round++)
        {
            var innermost = new Deferred();
            var current = innermost;
            for (var i = 0; i < ChainDepth; i++)
            {
                var inner = current;
                var outer = new Deferred();
                outer.AddCallback(_ => inner);
                outer.Callback(null);
                current = outer;
            }

            var watch = Stopwatch.StartNew();
            innermost.Callback(1);
            watch.Stop();
            if (!Equals(current.Result, 1))
            {
                throw new InvalidOperationException("The chain did not resolve.");
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / ChainDepth);
        }

        return best;
    }
}
