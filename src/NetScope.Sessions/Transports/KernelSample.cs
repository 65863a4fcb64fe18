namespace NetScope.Sessions.Transports;

/// <summary>One reading of Linux TCP_INFO for a session's connection.</summary>
/// <param name="Time">When, in seconds since the workspace started.</param>
/// <param name="RoundTripTimeMicros">Smoothed round-trip time, in microseconds.</param>
/// <param name="RoundTripVarianceMicros">Round-trip time variance, in microseconds.</param>
/// <param name="CongestionWindow">Send congestion window, in segments.</param>
/// <param name="Retransmits">Segments retransmitted over the connection's life.</param>
/// <param name="Unacknowledged">Segments sent and not yet acknowledged.</param>
/// <param name="PathMtu">Path MTU, in bytes.</param>
public sealed record KernelSample(
    double Time,
    long RoundTripTimeMicros,
    long RoundTripVarianceMicros,
    long CongestionWindow,
    long Retransmits,
    long Unacknowledged,
    long PathMtu);
