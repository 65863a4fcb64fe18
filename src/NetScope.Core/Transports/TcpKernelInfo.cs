namespace NetScope.Core.Transports;

/// <summary>The kernel's view of a TCP connection (Linux <c>TCP_INFO</c>), sampled on demand.</summary>
/// <param name="RoundTripTimeMicros">Smoothed round-trip time, in microseconds.</param>
/// <param name="RoundTripVarianceMicros">Round-trip time variance, in microseconds.</param>
/// <param name="CongestionWindow">Send congestion window, in segments.</param>
/// <param name="TotalRetransmits">Segments retransmitted over the connection's life.</param>
/// <param name="Unacknowledged">Segments sent and not yet acknowledged.</param>
/// <param name="PathMtu">Path MTU, in bytes.</param>
/// <param name="BytesAcked">Bytes acknowledged by the peer, or -1 if the kernel does not report it.</param>
/// <param name="BytesReceived">Bytes received from the peer, or -1 if the kernel does not report it.</param>
public sealed record TcpKernelInfo(
    long RoundTripTimeMicros,
    long RoundTripVarianceMicros,
    long CongestionWindow,
    long TotalRetransmits,
    long Unacknowledged,
    long PathMtu,
    long BytesAcked,
    long BytesReceived);
