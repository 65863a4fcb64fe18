using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// A snapshot of the kernel's <c>struct tcp_info</c> for one socket (<c>getsockopt(IPPROTO_TCP,
/// TCP_INFO)</c>), as <c>ss -ti</c> shows it. Times are in the unit their name says.
/// </summary>
/// <remarks>
/// The kernel copies as much of the struct as it has, and older kernels have less. The first
/// <see cref="MinimumLength"/> bytes exist on every kernel .NET runs on and are always filled in;
/// every later field is null when the kernel did not provide it (the Linux version that added
/// each one is in its doc).
/// </remarks>
internal sealed record TcpInfo
{
    /// <summary>The length of the fields every supported kernel reports (up to <c>tcpi_total_retrans</c>).</summary>
    public const int MinimumLength = 104;

    /// <summary>The length of every field read here (up to <c>tcpi_total_rto_time</c>, Linux 6.7).</summary>
    public const int KnownLength = 248;

    /// <summary>The TCP state (<c>tcpi_state</c>).</summary>
    public LinuxTcpState State { get; init; }

    /// <summary>The congestion-avoidance state (<c>tcpi_ca_state</c>): 0 open, 1 disorder, 2 CWR, 3 recovery, 4 loss.</summary>
    public byte CongestionState { get; init; }

    /// <summary>Retransmissions of the current unacknowledged segment (<c>tcpi_retransmits</c>).</summary>
    public byte Retransmits { get; init; }

    /// <summary>Unanswered zero-window or keep-alive probes (<c>tcpi_probes</c>).</summary>
    public byte Probes { get; init; }

    /// <summary>The retransmit timer's exponential backoff (<c>tcpi_backoff</c>).</summary>
    public byte Backoff { get; init; }

    /// <summary>Negotiated options (<c>tcpi_options</c>): 1 timestamps, 2 SACK, 4 window scaling, 8 ECN.</summary>
    public byte Options { get; init; }

    /// <summary>The peer's window scale (<c>tcpi_snd_wscale</c>).</summary>
    public byte SendWindowScale { get; init; }

    /// <summary>Our window scale (<c>tcpi_rcv_wscale</c>).</summary>
    public byte ReceiveWindowScale { get; init; }

    /// <summary>The retransmission timeout (<c>tcpi_rto</c>).</summary>
    public uint RtoMicroseconds { get; init; }

    /// <summary>The delayed-ACK timeout (<c>tcpi_ato</c>).</summary>
    public uint AtoMicroseconds { get; init; }

    /// <summary>The maximum segment size we send (<c>tcpi_snd_mss</c>).</summary>
    public uint SendMss { get; init; }

    /// <summary>The estimated segment size the peer sends (<c>tcpi_rcv_mss</c>).</summary>
    public uint ReceiveMss { get; init; }

    /// <summary>Segments sent and not yet acknowledged (<c>tcpi_unacked</c>).</summary>
    public uint Unacked { get; init; }

    /// <summary>Segments selectively acknowledged (<c>tcpi_sacked</c>).</summary>
    public uint Sacked { get; init; }

    /// <summary>Segments presumed lost (<c>tcpi_lost</c>).</summary>
    public uint Lost { get; init; }

    /// <summary>Segments retransmitted and not yet acknowledged (<c>tcpi_retrans</c>).</summary>
    public uint Retrans { get; init; }

    /// <summary>Time since data was last sent (<c>tcpi_last_data_sent</c>).</summary>
    public uint LastDataSentMilliseconds { get; init; }

    /// <summary>Time since data was last received (<c>tcpi_last_data_recv</c>).</summary>
    public uint LastDataReceivedMilliseconds { get; init; }

    /// <summary>Time since an ACK was last received (<c>tcpi_last_ack_recv</c>).</summary>
    public uint LastAckReceivedMilliseconds { get; init; }

    /// <summary>The path MTU (<c>tcpi_pmtu</c>).</summary>
    public uint PathMtu { get; init; }

    /// <summary>The receive slow-start threshold (<c>tcpi_rcv_ssthresh</c>).</summary>
    public uint ReceiveSsthresh { get; init; }

    /// <summary>The smoothed round-trip time (<c>tcpi_rtt</c>).</summary>
    public uint RttMicroseconds { get; init; }

    /// <summary>The round-trip time's mean deviation (<c>tcpi_rttvar</c>).</summary>
    public uint RttVarianceMicroseconds { get; init; }

    /// <summary>The send slow-start threshold, in segments (<c>tcpi_snd_ssthresh</c>).</summary>
    public uint SendSsthresh { get; init; }

    /// <summary>The congestion window, in segments (<c>tcpi_snd_cwnd</c>).</summary>
    public uint SendCongestionWindow { get; init; }

    /// <summary>The advertised MSS (<c>tcpi_advmss</c>).</summary>
    public uint AdvertisedMss { get; init; }

    /// <summary>The reordering metric (<c>tcpi_reordering</c>).</summary>
    public uint Reordering { get; init; }

    /// <summary>The receiver-side round-trip estimate (<c>tcpi_rcv_rtt</c>).</summary>
    public uint ReceiveRttMicroseconds { get; init; }

    /// <summary>The receive buffer space the kernel is tuning towards (<c>tcpi_rcv_space</c>).</summary>
    public uint ReceiveSpace { get; init; }

    /// <summary>Retransmitted segments over the connection's life (<c>tcpi_total_retrans</c>).</summary>
    public uint TotalRetrans { get; init; }

    /// <summary>The pacing rate in bytes per second (<c>tcpi_pacing_rate</c>, Linux 3.15).</summary>
    public ulong? PacingRate { get; init; }

    /// <summary>The maximum pacing rate in bytes per second (<c>tcpi_max_pacing_rate</c>, Linux 3.15).</summary>
    public ulong? MaxPacingRate { get; init; }

    /// <summary>Bytes the peer acknowledged (<c>tcpi_bytes_acked</c>, Linux 4.1).</summary>
    public ulong? BytesAcked { get; init; }

    /// <summary>Bytes received in order (<c>tcpi_bytes_received</c>, Linux 4.1).</summary>
    public ulong? BytesReceived { get; init; }

    /// <summary>Segments sent (<c>tcpi_segs_out</c>, Linux 4.2).</summary>
    public uint? SegmentsOut { get; init; }

    /// <summary>Segments received (<c>tcpi_segs_in</c>, Linux 4.2).</summary>
    public uint? SegmentsIn { get; init; }

    /// <summary>Bytes written but not yet sent (<c>tcpi_notsent_bytes</c>, Linux 4.6).</summary>
    public uint? NotSentBytes { get; init; }

    /// <summary>The lowest round-trip time seen (<c>tcpi_min_rtt</c>, Linux 4.6).</summary>
    public uint? MinRttMicroseconds { get; init; }

    /// <summary>Segments with data received (<c>tcpi_data_segs_in</c>, Linux 4.6).</summary>
    public uint? DataSegmentsIn { get; init; }

    /// <summary>Segments with data sent (<c>tcpi_data_segs_out</c>, Linux 4.6).</summary>
    public uint? DataSegmentsOut { get; init; }

    /// <summary>The delivery rate in bytes per second (<c>tcpi_delivery_rate</c>, Linux 4.9).</summary>
    public ulong? DeliveryRate { get; init; }

    /// <summary>Time busy sending data (<c>tcpi_busy_time</c>, Linux 4.10).</summary>
    public ulong? BusyTimeMicroseconds { get; init; }

    /// <summary>Time limited by the peer's receive window (<c>tcpi_rwnd_limited</c>, Linux 4.10).</summary>
    public ulong? ReceiveWindowLimitedMicroseconds { get; init; }

    /// <summary>Time limited by our send buffer (<c>tcpi_sndbuf_limited</c>, Linux 4.10).</summary>
    public ulong? SendBufferLimitedMicroseconds { get; init; }

    /// <summary>Segments delivered (<c>tcpi_delivered</c>, Linux 4.18).</summary>
    public uint? Delivered { get; init; }

    /// <summary>Segments delivered with an ECN congestion mark (<c>tcpi_delivered_ce</c>, Linux 4.18).</summary>
    public uint? DeliveredCe { get; init; }

    /// <summary>Bytes sent, retransmissions included (<c>tcpi_bytes_sent</c>, Linux 4.19).</summary>
    public ulong? BytesSent { get; init; }

    /// <summary>Bytes retransmitted (<c>tcpi_bytes_retrans</c>, Linux 4.19).</summary>
    public ulong? BytesRetrans { get; init; }

    /// <summary>Duplicate segments reported by D-SACK (<c>tcpi_dsack_dups</c>, Linux 4.19).</summary>
    public uint? DsackDups { get; init; }

    /// <summary>Reordering events seen (<c>tcpi_reord_seen</c>, Linux 4.19).</summary>
    public uint? ReorderingSeen { get; init; }

    /// <summary>Out-of-order packets received (<c>tcpi_rcv_ooopack</c>, Linux 5.4).</summary>
    public uint? ReceivedOutOfOrder { get; init; }

    /// <summary>The peer's advertised receive window in bytes (<c>tcpi_snd_wnd</c>, Linux 5.4).</summary>
    public uint? SendWindow { get; init; }

    /// <summary>Our advertised receive window in bytes (<c>tcpi_rcv_wnd</c>, Linux 6.2).</summary>
    public uint? ReceiveWindow { get; init; }

    /// <summary>Rehash attempts after timeouts or PLB (<c>tcpi_rehash</c>, Linux 6.2).</summary>
    public uint? Rehash { get; init; }

    /// <summary>Retransmission timeouts, SYN ones included (<c>tcpi_total_rto</c>, Linux 6.7).</summary>
    public ushort? TotalRto { get; init; }

    /// <summary>Recoveries from a retransmission timeout (<c>tcpi_total_rto_recoveries</c>, Linux 6.7).</summary>
    public ushort? TotalRtoRecoveries { get; init; }

    /// <summary>Time spent recovering from timeouts (<c>tcpi_total_rto_time</c>, Linux 6.7).</summary>
    public uint? TotalRtoTimeMilliseconds { get; init; }

    /// <summary>How many bytes of <c>struct tcp_info</c> the kernel provided (more than <see cref="KnownLength"/> on newer kernels).</summary>
    public int ReportedLength { get; init; }

    /// <summary>
    /// Reads the fields present in <paramref name="raw"/>, the bytes the kernel wrote (in the
    /// machine's byte order); fields past its end are null.
    /// </summary>
    /// <param name="raw">The start of a <c>struct tcp_info</c>, at least <see cref="MinimumLength"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="raw"/> is shorter than <see cref="MinimumLength"/>.</exception>
    public static TcpInfo Parse(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < MinimumLength)
        {
            throw new ArgumentException(
                $"struct tcp_info has at least {MinimumLength} bytes; got {raw.Length}.", nameof(raw));
        }

        // Bit-fields fill a byte from its low bits on little-endian targets and from its high bits on big-endian ones.
        byte scales = raw[6];
        byte sendScale = (byte)(BitConverter.IsLittleEndian ? scales & 0x0f : scales >> 4);
        byte receiveScale = (byte)(BitConverter.IsLittleEndian ? scales >> 4 : scales & 0x0f);

        return new TcpInfo
        {
            State = (LinuxTcpState)raw[0],
            CongestionState = raw[1],
            Retransmits = raw[2],
            Probes = raw[3],
            Backoff = raw[4],
            Options = raw[5],
            SendWindowScale = sendScale,
            ReceiveWindowScale = receiveScale,
            RtoMicroseconds = U32(raw, 8),
            AtoMicroseconds = U32(raw, 12),
            SendMss = U32(raw, 16),
            ReceiveMss = U32(raw, 20),
            Unacked = U32(raw, 24),
            Sacked = U32(raw, 28),
            Lost = U32(raw, 32),
            Retrans = U32(raw, 36),
            LastDataSentMilliseconds = U32(raw, 44),
            LastDataReceivedMilliseconds = U32(raw, 52),
            LastAckReceivedMilliseconds = U32(raw, 56),
            PathMtu = U32(raw, 60),
            ReceiveSsthresh = U32(raw, 64),
            RttMicroseconds = U32(raw, 68),
            RttVarianceMicroseconds = U32(raw, 72),
            SendSsthresh = U32(raw, 76),
            SendCongestionWindow = U32(raw, 80),
            AdvertisedMss = U32(raw, 84),
            Reordering = U32(raw, 88),
            ReceiveRttMicroseconds = U32(raw, 92),
            ReceiveSpace = U32(raw, 96),
            TotalRetrans = U32(raw, 100),
            PacingRate = OptionalU64(raw, 104),
            MaxPacingRate = OptionalU64(raw, 112),
            BytesAcked = OptionalU64(raw, 120),
            BytesReceived = OptionalU64(raw, 128),
            SegmentsOut = OptionalU32(raw, 136),
            SegmentsIn = OptionalU32(raw, 140),
            NotSentBytes = OptionalU32(raw, 144),
            MinRttMicroseconds = OptionalU32(raw, 148),
            DataSegmentsIn = OptionalU32(raw, 152),
            DataSegmentsOut = OptionalU32(raw, 156),
            DeliveryRate = OptionalU64(raw, 160),
            BusyTimeMicroseconds = OptionalU64(raw, 168),
            ReceiveWindowLimitedMicroseconds = OptionalU64(raw, 176),
            SendBufferLimitedMicroseconds = OptionalU64(raw, 184),
            Delivered = OptionalU32(raw, 192),
            DeliveredCe = OptionalU32(raw, 196),
            BytesSent = OptionalU64(raw, 200),
            BytesRetrans = OptionalU64(raw, 208),
            DsackDups = OptionalU32(raw, 216),
            ReorderingSeen = OptionalU32(raw, 220),
            ReceivedOutOfOrder = OptionalU32(raw, 224),
            SendWindow = OptionalU32(raw, 228),
            ReceiveWindow = OptionalU32(raw, 232),
            Rehash = OptionalU32(raw, 236),
            TotalRto = OptionalU16(raw, 240),
            TotalRtoRecoveries = OptionalU16(raw, 242),
            TotalRtoTimeMilliseconds = OptionalU32(raw, 244),
            ReportedLength = raw.Length,
        };
    }

    private static uint U32(ReadOnlySpan<byte> raw, int offset) => MemoryMarshal.Read<uint>(raw[offset..]);

    private static ushort? OptionalU16(ReadOnlySpan<byte> raw, int offset) =>
        raw.Length >= offset + sizeof(ushort) ? MemoryMarshal.Read<ushort>(raw[offset..]) : null;

    private static uint? OptionalU32(ReadOnlySpan<byte> raw, int offset) =>
        raw.Length >= offset + sizeof(uint) ? MemoryMarshal.Read<uint>(raw[offset..]) : null;

    private static ulong? OptionalU64(ReadOnlySpan<byte> raw, int offset) =>
        raw.Length >= offset + sizeof(ulong) ? MemoryMarshal.Read<ulong>(raw[offset..]) : null;
}
