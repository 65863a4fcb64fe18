using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using NetScope.Core.Defer;

namespace NetScope.Benchmarks.Defer;

/// <summary>
/// Ten synchronous steps of "add 1 to an int", run three ways: as callbacks on a Deferred, as a
/// chain of <see cref="Task.ContinueWith{TResult}(Func{Task, TResult})"/>, and as an
/// <c>async</c> method awaiting ten completed tasks.
/// </summary>
/// <remarks>
/// <para>
/// What makes the comparison fair: every variant starts from <see cref="Start"/>, runs the same
/// ten steps inline on the calling thread (no thread-pool hop, no suspension: the Task variants
/// use <see cref="TaskContinuationOptions.ExecuteSynchronously"/> on completed tasks, and the
/// async method only awaits completed tasks), and returns the result so nothing is optimised
/// away. Each step is a call through a cached static delegate or a method that is not inlined,
/// so no variant pays for closures, and each carries the intermediate value in its own native
/// form: a boxed <c>object</c> for the Deferred (its chain is untyped, as in Twisted), a
/// <c>Task&lt;int&gt;</c> for the other two.
/// </para>
/// <para>
/// <see cref="Start"/> is a parameter because the runtime caches completed <c>Task&lt;int&gt;</c>
/// objects for -1 to 8: from 0, eight of the async method's ten steps allocate nothing, while
/// every Deferred step boxes its int. From 1000, every variant allocates per step, which is what
/// real values (lengths, ids, counts) get.
/// </para>
/// <para>
/// <see cref="FiredDeferred"/> is the case the target is about: a Deferred that already has its
/// result, to which ten callbacks are added (each runs at once). <see cref="UnfiredDeferred"/>
/// adds the ten callbacks first and then fires, which also stores the links.
/// <see cref="BoxedStepsFloor"/> is the least any untyped chain can cost: one Deferred allocated,
/// then the ten delegate calls and their boxes, with no chain bookkeeping at all.
/// </para>
/// </remarks>
[Config(typeof(StandardConfig))]
[MemoryDiagnoser]
public class CallbackChainBenchmarks
{
    private const int Steps = 10;

    private static readonly Func<object?, object?> AddOne = static value => (int)value! + 1;

    private static readonly Func<Task<int>, int> AddOneToTask = static task => task.Result + 1;

    /// <summary>The value the ten steps start from.</summary>
    [Params(0, 1000)]
    public int Start { get; set; }

    /// <summary>A fired Deferred with ten callbacks added (each runs as it is added).</summary>
    [Benchmark(Baseline = true)]
    public int FiredDeferred()
    {
        var d = new Deferred();
        d.Callback(Start);
        for (var i = 0; i < Steps; i++)
        {
            d.AddCallback(AddOne);
        }

        return (int)d.Result!;
    }

    /// <summary>Ten callbacks added to an unfired Deferred, then fired.</summary>
    [Benchmark]
    public int UnfiredDeferred()
    {
        var d = new Deferred();
        for (var i = 0; i < Steps; i++)
        {
            d.AddCallback(AddOne);
        }

        d.Callback(Start);
        return (int)d.Result!;
    }

    /// <summary>Ten <c>ContinueWith</c> continuations on completed tasks, each run synchronously.</summary>
    [Benchmark]
    public int ContinueWithChain()
    {
        var task = Task.FromResult(Start);
        for (var i = 0; i < Steps; i++)
        {
            task = task.ContinueWith(AddOneToTask, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return task.Result;
    }

    /// <summary>An <c>async</c> method awaiting ten completed tasks, each produced by the step.</summary>
    [Benchmark]
    public int AsyncAwaitChain() => AwaitTenSteps(Start).GetAwaiter().GetResult();

    /// <summary>The floor for an untyped chain: a Deferred allocated, ten boxing delegate calls, no bookkeeping.</summary>
    [Benchmark]
    public int BoxedStepsFloor()
    {
        var d = new Deferred();
        object? value = Start;
        for (var i = 0; i < Steps; i++)
        {
            value = AddOne(value);
        }

        return d.Called ? 0 : (int)value!;
    }

    private static async Task<int> AwaitTenSteps(int start)
    {
        var value = start;
        for (var i = 0; i < Steps; i++)
        {
            value = await Step(value);
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> Step(int value) => Task.FromResult(value + 1);
}
