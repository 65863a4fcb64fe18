using NetScope.Core.Reactor;

namespace NetScope.Sessions.Health;

/// <summary>The reactor's vital signs at one moment (from <see cref="IReactor.GetHealth"/>, with rates computed between samples).</summary>
/// <param name="Time">When, in seconds since the workspace started.</param>
/// <param name="Iterations">Loop iterations since the reactor started.</param>
/// <param name="IterationsPerSecond">Iterations per second since the previous sample (<see langword="null"/> for the first).</param>
/// <param name="LagSeconds">How late the most recent timed call ran.</param>
/// <param name="MaxLagSeconds">The worst lateness since the previous sample.</param>
/// <param name="Readers">Descriptors watched for reading.</param>
/// <param name="Writers">Descriptors watched for writing.</param>
/// <param name="PendingCalls">Timed calls waiting to run.</param>
/// <param name="NextCalls">The next few timed calls (what, and seconds until due).</param>
/// <param name="ThreadCallQueue">Calls queued with <c>CallFromThread</c> and not run yet.</param>
/// <param name="PoolQueue">Work items waiting for a pool thread.</param>
/// <param name="PoolBusy">Pool threads running work.</param>
/// <param name="PoolThreads">Pool threads in existence.</param>
public sealed record LoopHealthSample(
    double Time,
    long Iterations,
    double? IterationsPerSecond,
    double LagSeconds,
    double MaxLagSeconds,
    int Readers,
    int Writers,
    int PendingCalls,
    IReadOnlyList<PendingCallInfo> NextCalls,
    int ThreadCallQueue,
    int PoolQueue,
    int PoolBusy,
    int PoolThreads);
