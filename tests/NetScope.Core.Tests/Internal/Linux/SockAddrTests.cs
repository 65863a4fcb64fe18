using System.Net;
using System.Net.Sockets;
using CsCheck;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class SockAddrTests
{
    [Fact]
    public void IPv4EndPointBecomesASockaddrInAndBack()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("192.168.10.20"), 8080);

        SockAddr native = SockAddr.FromEndPoint(endPoint);

        // family 2 (host order), port 8080 = 0x1F90 (network order), address, 8 zero bytes.
        byte[] expected = [2, 0, 0x1F, 0x90, 192, 168, 10, 20, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(expected, native.AsSpan().ToArray());
        Assert.Equal((AddressFamily.InterNetwork, 8080), (native.Family, native.Port));
        Assert.Equal(endPoint, native.ToEndPoint());
    }

    [Fact]
    public void IPv6EndPointWithAScopeIdBecomesASockaddrIn6AndBack()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("fe80::1:2%3"), 443);

        SockAddr native = SockAddr.FromEndPoint(endPoint);

        // family 10, port 443 = 0x01BB, flow info 0, address, scope id 3 (host order).
        byte[] expected =
        [
            10, 0, 0x01, 0xBB, 0, 0, 0, 0,
            0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2,
            3, 0, 0, 0,
        ];
        Assert.Equal(expected, native.AsSpan().ToArray());
        IPEndPoint back = native.ToEndPoint();
        Assert.Equal(endPoint, back);
        Assert.Equal(3, back.Address.ScopeId);
    }

    [Fact]
    public void IPv4MappedIPv6AddressRoundTripsAsIPv6()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 22);

        IPEndPoint back = SockAddr.FromEndPoint(endPoint).ToEndPoint();

        Assert.Equal(endPoint, back);
        Assert.True(back.Address.IsIPv4MappedToIPv6);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), back.Address.MapToIPv4());
    }

    [Fact]
    public void IPv4EndPointOnAnIPv6SocketBecomesTheMappedAddress()
    {
        var endPoint = new IPEndPoint(IPAddress.Parse("127.0.0.1"), 7);

        SockAddr native = SockAddr.FromEndPoint(endPoint, AddressFamily.InterNetworkV6);

        Assert.Equal(SockAddr.FromEndPoint(new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 7)).AsSpan().ToArray(), native.AsSpan().ToArray());
        Assert.Equal("[::ffff:127.0.0.1]:7", native.ToString());
    }

    [Fact]
    public void IPv6EndPointOnAnIPv4SocketIsRejected()
    {
        var endPoint = new IPEndPoint(IPAddress.IPv6Loopback, 7);

        Assert.Throws<ArgumentException>(() => SockAddr.FromEndPoint(endPoint, AddressFamily.InterNetwork));
    }

    [Fact]
    public void ForeignOrEmptyAddressesHaveNoEndPoint()
    {
        SockAddr unix = SockAddr.FromNative([1, 0, (byte)'/', (byte)'t', (byte)'m', (byte)'p']);
        SockAddr truncated = SockAddr.FromNative([2, 0, 0, 80, 127]);

        Assert.Equal(AddressFamily.Unspecified, unix.Family);
        Assert.Throws<InvalidOperationException>(() => unix.ToEndPoint());
        Assert.Throws<InvalidOperationException>(() => truncated.ToEndPoint());
        Assert.Equal((0, 0, "(none)"), (default(SockAddr).Length, default(SockAddr).Port, default(SockAddr).ToString()));
        Assert.Throws<ArgumentException>(() => SockAddr.FromNative(new byte[SockAddr.MaxLength + 1]));
    }

    [Fact]
    public void AnyIPv4EndPointRoundTrips()
    {
        Gen.Select(Gen.Byte.Array[4], Gen.Int[0, 65535])
            .Sample((address, port) =>
            {
                var endPoint = new IPEndPoint(new IPAddress(address), port);
                SockAddr native = SockAddr.FromEndPoint(endPoint);
                Assert.Equal(16, native.Length);
                Assert.Equal(endPoint, native.ToEndPoint());
            });
    }

    [Fact]
    public void AnyIPv6EndPointRoundTripsWithItsScopeId()
    {
        Gen.Select(Gen.Byte.Array[16], Gen.Int[0, 65535], Gen.UInt)
            .Sample((address, port, scopeId) =>
            {
                var endPoint = new IPEndPoint(new IPAddress(address, scopeId), port);
                SockAddr native = SockAddr.FromEndPoint(endPoint);
                IPEndPoint back = native.ToEndPoint();
                Assert.Equal(28, native.Length);
                Assert.Equal(endPoint, back);
                Assert.Equal(endPoint.Address.ScopeId, back.Address.ScopeId);
            });
    }
}
