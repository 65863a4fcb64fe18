namespace NetScope.Core.Reactor;

/// <summary>A snapshot of a reactor's vital signs, for the Loop view and traces.</summary>
/// <param name="Time">When the snapshot was taken, on the reactor clock.</param>
/// <param name="Iterations">Loop iterations since the reactor started (rate = difference between two snapshots).</param>
/// <param name="LastTimerLagSeconds">How late the most recent timed call ran.</param>
/// <param name="MaxTimerLagSeconds">The worst lateness of a timed call since the previous snapshot.</param>
/// <param name="Readers">Descriptors watched for reading.</param>
/// <param name="Writers">Descriptors watched for writing (connections with data the kernel has not taken yet).</param>
/// <param name="PendingDelayedCalls">Timed calls waiting to run.</param>
/// <param name="NextCalls">The next few timed calls: what and in how many seconds.</param>
/// <param name="ThreadCallQueueDepth">Calls queued by <c>CallFromThread</c> and not run yet.</param>
/// <param name="ThreadPoolQueueDepth">Work items waiting for a pool thread.</param>
/// <param name="ThreadPoolBusyThreads">Pool threads running work now.</param>
/// <param name="ThreadPoolThreads">Pool threads in existence.</param>
public sealed record ReactorHealth(
    double Time,
    long Iterations,
    double LastTimerLagSeconds,
    double MaxTimerLagSeconds,
    int Readers,
    int Writers,
    int PendingDelayedCalls,
    IReadOnlyList<PendingCallInfo> NextCalls,
    int ThreadCallQueueDepth,
    int ThreadPoolQueueDepth,
    int ThreadPoolBusyThreads,
    int ThreadPoolThreads);

/// <summary>A pending timed call in a <see cref="ReactorHealth"/> snapshot.</summary>
/// <param name="Description">The callable's readable name.</param>
/// <param name="DueInSeconds">Seconds until it is due.</param>
public sealed record PendingCallInfo(string Description, double DueInSeconds);
