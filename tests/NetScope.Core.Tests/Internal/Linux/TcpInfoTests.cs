using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class TcpInfoTests : IDisposable
{
    private readonly LoopbackSockets _sockets = new();

    public void Dispose() => _sockets.Dispose();

    [Fact]
    public void ConnectedSocketReportsEstablishedWithAPlausibleRoundTripTime()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        _sockets.SendAll(client, new byte[100]);
        _sockets.ReceiveExactly(server, 100);

        Assert.True(LinuxSockets.TryGetTcpInfo(client, out TcpInfo? info, out Errno error), error.ToString());

        Assert.Equal(LinuxTcpState.Established, info.State);
        Assert.InRange(info.RttMicroseconds, 1u, 1_000_000u);
        Assert.InRange(info.RttVarianceMicroseconds, 0u, 1_000_000u);
        Assert.True(info.SendCongestionWindow > 0);
        Assert.True(info.SendMss > 0);
        // Loopback's MTU, capped at the largest IP packet (IP_MAX_MTU, 65535).
        uint loopbackMtu = uint.Parse(File.ReadAllText("/sys/class/net/lo/mtu").Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(Math.Min(loopbackMtu, 65_535u), info.PathMtu);
        Assert.Equal(0u, info.TotalRetrans);
        Assert.True(info.ReportedLength >= TcpInfo.KnownLength, $"kernel reported {info.ReportedLength} bytes");
    }

    [Fact]
    public void BytesReceivedCountsExactlyWhatThePeerSent()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetworkV6);
        _sockets.SendAll(client, new byte[12_345]);
        _sockets.ReceiveExactly(server, 12_345);

        Assert.True(LinuxSockets.TryGetTcpInfo(server, out TcpInfo? info, out _));

        Assert.Equal(12_345UL, info.BytesReceived);
        Assert.Equal(0UL, info.BytesAcked);
    }

    [Fact]
    public void ListeningSocketReportsListen()
    {
        (int listener, _) = _sockets.Listen(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.True(LinuxSockets.TryGetTcpInfo(listener, out TcpInfo? info, out _));

        Assert.Equal(LinuxTcpState.Listen, info.State);
    }

    [Fact]
    public void ANonSocketReportsTheErrno()
    {
        Assert.False(LinuxSockets.TryGetTcpInfo(-1, out TcpInfo? info, out Errno error));

        Assert.Null(info);
        Assert.Equal(Errno.EBADF, error);
    }

    [Fact]
    public void ParseReadsEachFieldAtItsKernelOffset()
    {
        byte[] raw = Synthetic(TcpInfo.KnownLength);

        TcpInfo info = TcpInfo.Parse(raw);

        Assert.Equal(LinuxTcpState.Established, info.State);
        Assert.Equal((7, 9), (info.SendWindowScale, info.ReceiveWindowScale));
        Assert.Equal(1008u, info.RtoMicroseconds);
        Assert.Equal(1024u, info.Unacked);
        Assert.Equal(1060u, info.PathMtu);
        Assert.Equal(1068u, info.RttMicroseconds);
        Assert.Equal(1072u, info.RttVarianceMicroseconds);
        Assert.Equal(1080u, info.SendCongestionWindow);
        Assert.Equal(1100u, info.TotalRetrans);
        Assert.Equal(100_120UL, info.BytesAcked);
        Assert.Equal(100_128UL, info.BytesReceived);
        Assert.Equal(1148u, info.MinRttMicroseconds);
        Assert.Equal(1228u, info.SendWindow);
        Assert.Equal((ushort)1240, info.TotalRto);
        Assert.Equal(1244u, info.TotalRtoTimeMilliseconds);
        Assert.Equal(TcpInfo.KnownLength, info.ReportedLength);
    }

    [Fact]
    public void ParseOfAnOlderKernelsShorterStructLeavesTheNewerFieldsNull()
    {
        byte[] raw = Synthetic(TcpInfo.KnownLength);

        TcpInfo oldest = TcpInfo.Parse(raw.AsSpan(0, TcpInfo.MinimumLength));
        TcpInfo linux41 = TcpInfo.Parse(raw.AsSpan(0, 136));

        Assert.Equal(1068u, oldest.RttMicroseconds);
        Assert.Equal(1100u, oldest.TotalRetrans);
        Assert.Null(oldest.PacingRate);
        Assert.Null(oldest.BytesAcked);
        Assert.Null(oldest.TotalRtoTimeMilliseconds);
        Assert.Equal(100_128UL, linux41.BytesReceived);
        Assert.Null(linux41.SegmentsOut);
        Assert.Null(linux41.SendWindow);
    }

    [Fact]
    public void ParseRejectsFewerBytesThanEveryKernelReports()
    {
        Assert.Throws<ArgumentException>(() => TcpInfo.Parse(new byte[TcpInfo.MinimumLength - 1]));
    }

    /// <summary>A struct tcp_info whose every field holds a value derived from its offset.</summary>
    private static byte[] Synthetic(int length)
    {
        var raw = new byte[length];
        raw[0] = (byte)LinuxTcpState.Established;
        raw[6] = BitConverter.IsLittleEndian ? (byte)((9 << 4) | 7) : (byte)((7 << 4) | 9);
        for (int offset = 8; offset < 104; offset += 4)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (uint)(1000 + offset));
        }

        for (int offset = 104; offset < 136; offset += 8)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (ulong)(100_000 + offset));
        }

        for (int offset = 136; offset < 160; offset += 4)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (uint)(1000 + offset));
        }

        for (int offset = 160; offset < 192; offset += 8)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (ulong)(100_000 + offset));
        }

        for (int offset = 192; offset < 200; offset += 4)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (uint)(1000 + offset));
        }

        for (int offset = 200; offset < 216; offset += 8)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (ulong)(100_000 + offset));
        }

        for (int offset = 216; offset < 240; offset += 4)
        {
            MemoryMarshal.Write(raw.AsSpan(offset), (uint)(1000 + offset));
        }

        MemoryMarshal.Write(raw.AsSpan(240), (ushort)1240);
        MemoryMarshal.Write(raw.AsSpan(242), (ushort)1242);
        MemoryMarshal.Write(raw.AsSpan(244), 1244u);
        return raw;
    }
}
